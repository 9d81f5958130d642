import { OPEN_STATUSES } from '@shared';
import { buildConfigItem } from '@shared/cmdb/build-config-item.js';
import type { ConfigItem } from '@shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { findWithTombstones } from '../rxdb-internals.js';
import {
  addCiRelation,
  applyCiPatch,
  createConfigItem,
  deleteConfigItem,
  removeCiRelation,
  updateConfigItem,
} from './config-items.js';

const technician = { id: 'u-tech', role: 'technician' as const, groupIds: ['grp-field'] };
const admin = { id: 'u-admin', role: 'admin' as const, groupIds: [] };
const agent = { id: 'u-agent', role: 'agent' as const, groupIds: ['grp-desk'] };
const configManager = { id: 'u-cm', role: 'agent' as const, groupIds: ['grp-config-managers'] };
const newServer = {
  name: '  OTT-APP-07 ',
  ciClass: 'server_virtual' as const,
  status: 'planned' as const,
  criticality: 'high' as const,
  ownerGroupId: 'grp-apps',
  locationId: 'site-ott',
  attributes: { os: 'RHEL 9', cpuCores: 4 },
};

const stored = ({ deleted: _d, ...ci }: ConfigItem) => ci;

describe('CI commands', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.config_items.bulkInsert([
      stored(buildConfigItem({ id: 'site-ott', name: 'Ottawa', ciClass: 'location_site', ownerGroupId: 'grp-field' })),
      stored(buildConfigItem({ id: 'site-gat', name: 'Gatineau', ciClass: 'location_site', ownerGroupId: 'grp-network' })),
      stored(
        buildConfigItem({
          id: 'srv-1',
          name: 'OTT-FS-01',
          ciClass: 'server_physical',
          ownerGroupId: 'grp-apps',
          locationId: 'site-ott',
          attributes: { serialNumber: 'A1' },
        }),
      ),
    ]);
  });
  afterEach(async () => {
    await db.close();
  });
  const ci = async (id: string) => (await db.config_items.findOne(id).exec())!.toJSON();

  it('lets a technician change the status and serial number of a CI at their site, in their name', async () => {
    expect(
      await updateConfigItem(db, 'srv-1', { status: 'under_maintenance', attributes: { serialNumber: 'B2' } }, technician),
    ).toEqual([]);
    expect(await ci('srv-1')).toMatchObject({
      status: 'under_maintenance',
      attributes: { serialNumber: 'B2' },
      updatedBy: 'u-tech',
    });
  });

  it('refuses the fields a technician may not change, and moving a CI off their sites, writing nothing', async () => {
    const refused = await updateConfigItem(db, 'srv-1', { name: 'renamed', criticality: 'high' }, technician);
    expect(refused.map((v) => [v.code, v.attribute])).toEqual([
      ['ci_field_forbidden', 'name'],
      ['ci_field_forbidden', 'criticality'],
    ]);
    expect((await updateConfigItem(db, 'srv-1', { locationId: 'site-gat' }, technician)).map((v) => v.attribute)).toEqual([
      'locationId',
    ]);
    expect(await ci('srv-1')).toMatchObject({ name: 'OTT-FS-01', locationId: 'site-ott', updatedBy: 'usr-admin' });
  });

  it('validates with the shared class rules and lets an admin change anything', async () => {
    const invalid = await updateConfigItem(db, 'srv-1', { attributes: { serialNumber: null, cpuCores: -1 } }, admin);
    expect(invalid.map((v) => v.code).sort()).toEqual(['ci_attribute_out_of_range', 'ci_attribute_required']);
    expect(await updateConfigItem(db, 'srv-1', { name: 'OTT-FS-02', attributes: { cpuCores: 8 } }, admin)).toEqual([]);
    expect(await ci('srv-1')).toMatchObject({ name: 'OTT-FS-02', attributes: { serialNumber: 'A1', cpuCores: 8 } });
  });

  it('creates a CI for an admin or a configuration manager, in their name, with no import key', async () => {
    const created = await createConfigItem(db, newServer, admin);
    expect(created.violations).toEqual([]);
    expect(created.id).toEqual(expect.any(String));
    expect(await ci(created.id!)).toMatchObject({
      name: 'OTT-APP-07',
      ciClass: 'server_virtual',
      status: 'planned',
      attributes: { os: 'RHEL 9', cpuCores: 4 },
      relations: [],
      externalId: '',
      updatedBy: 'u-admin',
    });
    expect((await createConfigItem(db, { ...newServer, name: 'Second' }, configManager)).violations).toEqual([]);
    // History is the server's to write (its push effect), never the device's.
    expect(await db.ci_history.count().exec()).toBe(0);
  });

  it('refuses creation to those the CMDB policy does not let manage configuration, writing nothing', async () => {
    for (const who of [agent, technician, { id: 'u-anon' }]) {
      const refused = await createConfigItem(db, newServer, who);
      expect(refused).toEqual({ id: null, violations: [expect.objectContaining({ code: 'ci_manage_forbidden' })] });
    }
    expect(await db.config_items.count().exec()).toBe(3);
  });

  it('validates a new CI with the shared class rules (required attribute, types, name)', async () => {
    const refused = await createConfigItem(
      db,
      { ...newServer, name: ' ', ciClass: 'server_physical', attributes: { cpuCores: -2, colour: 'red' } },
      admin,
    );
    expect(refused.id).toBeNull();
    expect(refused.violations.map((v) => [v.code, v.attribute]).sort()).toEqual([
      ['ci_attribute_out_of_range', 'attributes.cpuCores'],
      ['ci_attribute_required', 'attributes.serialNumber'],
      ['ci_attribute_unknown', 'attributes.colour'],
      ['ci_name_required', 'name'],
    ]);
    expect(await db.config_items.count().exec()).toBe(3);
  });

  it('lets a configuration manager link a CI to another and remove the edge, in their name', async () => {
    const created = await createConfigItem(db, newServer, configManager);
    const id = created.id!;
    const runsOn = { type: 'runs_on' as const, targetKind: 'ci' as const, targetId: 'srv-1' };
    expect(await addCiRelation(db, id, runsOn, configManager)).toEqual([]);
    expect(await addCiRelation(db, id, { ...runsOn, type: 'depends_on' }, admin)).toEqual([]);
    expect(await ci(id)).toMatchObject({ relations: [runsOn, { ...runsOn, type: 'depends_on' }], updatedBy: 'u-admin' });
    expect(await removeCiRelation(db, id, runsOn, configManager)).toEqual([]);
    expect(await ci(id)).toMatchObject({ relations: [{ ...runsOn, type: 'depends_on' }], updatedBy: 'u-cm' });
  });

  it('refuses a duplicate edge, a self-loop and a CI not on the device with their codes, writing nothing', async () => {
    const runsOn = { type: 'runs_on' as const, targetKind: 'ci' as const, targetId: 'site-ott' };
    expect(await addCiRelation(db, 'srv-1', runsOn, admin)).toEqual([]);
    const before = await ci('srv-1');
    expect((await addCiRelation(db, 'srv-1', runsOn, admin)).map((v) => v.code)).toEqual(['ci_relation_duplicate']);
    expect((await addCiRelation(db, 'srv-1', { ...runsOn, targetId: 'srv-1' }, admin)).map((v) => v.code)).toEqual([
      'ci_relation_self',
    ]);
    expect((await addCiRelation(db, 'srv-1', { ...runsOn, targetId: 'nowhere' }, admin)).map((v) => v.code)).toEqual([
      'not_found',
    ]);
    expect((await addCiRelation(db, 'srv-1', { ...runsOn, type: 'used_by' }, admin)).map((v) => v.code)).toEqual([
      'ci_relation_target_kind',
    ]);
    expect(await ci('srv-1')).toEqual(before);
  });

  it('lets a configuration manager say an organisation uses a service, by its name, and refuses a blank name', async () => {
    const svc = await createConfigItem(
      db,
      { ...newServer, name: 'Paie', ciClass: 'business_service', attributes: {} },
      configManager,
    );
    const id = svc.id!;
    const usedBy = { type: 'used_by' as const, targetKind: 'org' as const, targetId: 'Ville de Gatineau' };
    expect(await addCiRelation(db, id, usedBy, configManager)).toEqual([]);
    expect((await ci(id)).relations).toEqual([usedBy]);
    expect((await addCiRelation(db, id, { ...usedBy, targetId: ' ' }, configManager)).map((v) => v.code)).toEqual([
      'ci_relation_target_invalid',
    ]);
    expect((await ci(id)).relations).toEqual([usedBy]);
  });

  it('refuses relinking to those the policy does not let change relations (an agent, a technician on site)', async () => {
    const edge = { type: 'depends_on' as const, targetKind: 'ci' as const, targetId: 'site-gat' };
    for (const who of [agent, technician]) {
      expect((await addCiRelation(db, 'srv-1', edge, who)).map((v) => [v.code, v.attribute])).toEqual([
        ['ci_field_forbidden', 'relations'],
      ]);
    }
    expect(await addCiRelation(db, 'srv-1', edge, admin)).toEqual([]);
    expect((await removeCiRelation(db, 'srv-1', edge, technician)).map((v) => v.code)).toEqual(['ci_field_forbidden']);
    expect((await ci('srv-1')).relations).toEqual([edge]);
  });

  it('deletes a CI as a tombstone in the deleter’s name, with the edges to it and the places in it, keeping its name', async () => {
    await db.config_items.bulkInsert([
      stored(
        buildConfigItem({
          id: 'app-1',
          name: 'Paie',
          ciClass: 'application',
          relations: [
            { type: 'runs_on', targetKind: 'ci', targetId: 'srv-1' },
            { type: 'depends_on', targetKind: 'ci', targetId: 'site-gat' },
          ],
        }),
      ),
    ]);
    expect(await deleteConfigItem(db, 'srv-1', admin)).toEqual([]);
    expect(await db.config_items.findOne('srv-1').exec()).toBeNull();
    expect((await ci('app-1')).relations).toEqual([{ type: 'depends_on', targetKind: 'ci', targetId: 'site-gat' }]);
    expect(await ci('app-1')).toMatchObject({ updatedBy: 'u-admin' });
    // The tombstone keeps the name (tickets show it) and says who deleted it (the push checks updatedBy).
    const [tombstone] = await findWithTombstones(db.config_items, ['srv-1']);
    expect(tombstone).toMatchObject({ _deleted: true, name: 'OTT-FS-01', updatedBy: 'u-admin' });
    // A site: the CIs standing in it lose their place.
    await db.config_items.insert(
      stored(
        buildConfigItem({ id: 'pc-1', ciClass: 'workstation', locationId: 'site-gat', attributes: { serialNumber: 'PC1' } }),
      ),
    );
    expect(await deleteConfigItem(db, 'site-gat', configManager)).toEqual([]);
    expect(await ci('pc-1')).toMatchObject({ locationId: '', updatedBy: 'u-cm' });
    expect((await ci('app-1')).relations).toEqual([]);
  });

  it('refuses deletion to those the CMDB policy does not let manage configuration, writing nothing', async () => {
    await db.config_items.insert(
      stored(buildConfigItem({ id: 'app-1', relations: [{ type: 'runs_on', targetKind: 'ci', targetId: 'srv-1' }] })),
    );
    for (const who of [agent, technician, { id: 'nobody' }]) {
      expect((await deleteConfigItem(db, 'srv-1', who)).map((v) => v.code)).toEqual(['ci_manage_forbidden']);
    }
    expect((await deleteConfigItem(db, 'nowhere', admin)).map((v) => v.code)).toEqual(['not_found']);
    expect(await ci('srv-1')).toMatchObject({ name: 'OTT-FS-01' });
    expect((await ci('app-1')).relations).toHaveLength(1);
  });

  it('applies a patch without touching the CI it was given', () => {
    const before = buildConfigItem({ attributes: { vendor: 'x', version: '1' } });
    const after = applyCiPatch(before, { attributes: { vendor: null, version: '2' } });
    expect(after.attributes).toEqual({ version: '2' });
    expect(before.attributes).toEqual({ vendor: 'x', version: '1' });
  });

  it('finds the open tickets naming a CI (the query of useOpenTicketsOfCi)', async () => {
    await db.tickets.bulkInsert([
      makeTicket({ id: 't-1', number: 'INC1', status: 'new', ciIds: ['srv-1'] }),
      makeTicket({ id: 't-2', number: 'INC2', status: 'closed', ciIds: ['srv-1'] }),
      makeTicket({ id: 't-3', number: 'INC3', status: 'assigned', ciIds: ['site-ott'] }),
    ]);
    const found = await db.tickets
      .find({ selector: { status: { $in: [...OPEN_STATUSES] }, ciIds: { $elemMatch: { $eq: 'srv-1' } } } })
      .exec();
    expect(found.map((d) => d.id)).toEqual(['t-1']);
  });
});
