import { describe, expect, it } from 'vitest';
import { can } from './can.js';
import { buildConfigItem } from '../cmdb/build-config-item.js';
import { CONFIG_MANAGER_GROUP_ID, forbiddenCiFields, sitesOfGroups } from './cmdb-policies.js';

const actor = (role: 'agent' | 'technician' | 'supervisor' | 'admin', groupIds: string[] = []) => ({ id: 'u1', role, groupIds });
const ci = { ownerGroupId: 'grp-apps', locationId: 'site-ottawa' };

describe('CMDB permissions', () => {
  it('lets admins, supervisors and configuration managers manage CIs, and nobody else', () => {
    expect(can(actor('admin'), 'ci.manage')).toBe(true);
    expect(can(actor('supervisor'), 'ci.manage')).toBe(true);
    expect(can(actor('agent', [CONFIG_MANAGER_GROUP_ID]), 'ci.manage')).toBe(true);
    expect(can(actor('agent'), 'ci.manage')).toBe(false);
    expect(can(actor('technician', ['grp-apps']), 'ci.manage')).toBe(false);
    expect(can(actor('agent'), 'ci.import')).toBe(false);
    expect(can(actor('admin'), 'ci.import')).toBe(true);
  });

  it('lets configuration managers and admins import CSV, and whoever receives every CI export it', () => {
    expect(can(actor('supervisor'), 'ci.import')).toBe(true);
    expect(can(actor('technician', [CONFIG_MANAGER_GROUP_ID]), 'ci.import')).toBe(true);
    expect(can(actor('technician', ['grp-field']), 'ci.import')).toBe(false);
    expect(can(actor('agent'), 'ci.export')).toBe(true);
    expect(can(actor('technician', [CONFIG_MANAGER_GROUP_ID]), 'ci.export')).toBe(true);
    expect(can(actor('technician', ['grp-field']), 'ci.export')).toBe(false);
  });

  it('gives agents every CI and technicians only the CIs of their sites or groups', () => {
    expect(can(actor('agent'), 'ci.see', { ci, sites: { siteIds: [] } })).toBe(true);
    expect(can(actor('technician'), 'ci.see', { ci, sites: { siteIds: ['site-ottawa'] } })).toBe(true);
    expect(can(actor('technician', ['grp-apps']), 'ci.see', { ci, sites: { siteIds: [] } })).toBe(true);
    expect(can(actor('technician'), 'ci.see', { ci, sites: { siteIds: ['site-gatineau'] } })).toBe(false);
  });

  it('lets a technician on site change status and serial number of their CIs, but not relink or rename them', () => {
    const sites = { siteIds: ['site-ottawa'] };
    expect(can(actor('technician'), 'ci.edit_field', { ci, sites, field: 'status' })).toBe(true);
    expect(can(actor('technician'), 'ci.edit_field', { ci, sites, field: 'attributes.serialNumber' })).toBe(true);
    expect(can(actor('technician'), 'ci.edit_field', { ci, sites, field: 'relations' })).toBe(false);
    expect(can(actor('technician'), 'ci.edit_field', { ci, sites, field: 'name' })).toBe(false);
    expect(can(actor('technician'), 'ci.edit_field', { ci, sites: { siteIds: [] }, field: 'status' })).toBe(false);
    expect(can(actor('agent'), 'ci.edit_field', { ci, sites, field: 'status' })).toBe(false);
    expect(can(actor('supervisor'), 'ci.edit_field', { ci, sites, field: 'relations' })).toBe(true);
  });

  it("resolves a technician's sites as the location CIs their groups own", () => {
    const cis = [
      buildConfigItem({ id: 'site-a', ciClass: 'location_site', ownerGroupId: 'grp-field' }),
      buildConfigItem({ id: 'room-b', ciClass: 'location_room', ownerGroupId: 'grp-field' }),
      buildConfigItem({ id: 'site-c', ciClass: 'location_site', ownerGroupId: 'grp-network' }),
      buildConfigItem({ id: 'site-d', ciClass: 'location_site', ownerGroupId: 'grp-field', deleted: true }),
      buildConfigItem({ id: 'app-e', ciClass: 'application', ownerGroupId: 'grp-field' }),
    ];
    expect(sitesOfGroups(['grp-field'], cis).siteIds).toEqual(['site-a', 'room-b']);
  });

  it('names the fields of an edit the actor may not make, on the CI before and after', () => {
    const sites = { siteIds: ['site-ottawa'] };
    const before = buildConfigItem({ ownerGroupId: 'grp-apps', locationId: 'site-ottawa' });
    const tech = actor('technician');
    expect(forbiddenCiFields(tech, sites, before, { ...before, status: 'under_maintenance' })).toEqual([]);
    expect(forbiddenCiFields(tech, sites, before, { ...before, name: 'x', criticality: 'high' })).toEqual([
      'name',
      'criticality',
    ]);
    // Moving the CI away from the technician's sites is refused: the CI after the edit is out of reach.
    expect(forbiddenCiFields(tech, sites, before, { ...before, locationId: 'site-gatineau' })).toEqual(['locationId']);
    expect(forbiddenCiFields(actor('admin'), sites, before, { ...before, name: 'x' })).toEqual([]);
  });
});
