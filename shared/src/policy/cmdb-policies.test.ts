import { describe, expect, it } from 'vitest';
import { can } from './can.js';
import { CONFIG_MANAGER_GROUP_ID } from './cmdb-policies.js';

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
});
