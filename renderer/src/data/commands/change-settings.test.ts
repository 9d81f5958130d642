import { CHANGE_SETTINGS_ID, DEFAULT_CHANGE_SETTINGS, type ChangeTemplate } from '@shared';
import { buildChangeWindow } from '@shared/testing/build-change.js';
import { buildDirectoryEntry } from '@shared/testing/build-records.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { canReadChangeSettings, canWriteChangeSettings, deleteChangeSetting, saveChangeSetting } from './change-settings.js';

const admin = { id: 'usr-admin', role: 'admin' as const, groupIds: [] };
const supervisor = { id: 'usr-supervisor', role: 'supervisor' as const, groupIds: [] };
const agent = { id: 'usr-agent', role: 'agent' as const, groupIds: [] };

const asData = (x: object) => x as unknown as Record<string, unknown>;
const settings = (data: object) => ({ id: CHANGE_SETTINGS_ID, kind: 'change_settings' as const, data: asData(data) });
const template: ChangeTemplate = {
  id: 'tpl-reboot',
  name: 'Reboot a print server',
  nameFr: "Redémarrer un serveur d'impression",
  plan: { reason: 'Stuck queue', implementation: 'Reboot', test: 'Print a page', backout: 'Fail over' },
  active: true,
};

describe('saveChangeSetting', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.directory.bulkInsert([
      buildDirectoryEntry({ id: 'grp-cab', kind: 'group', name: 'CAB' }),
      buildDirectoryEntry({ id: 'grp-ecab', kind: 'group', name: 'ECAB' }),
      buildDirectoryEntry({ id: 'grp-old', kind: 'group', name: 'Old board', active: false }),
    ]);
  });
  afterEach(async () => {
    await db.close();
  });

  it('writes the settings for an administrator, stamped with who and when, ready to replicate', async () => {
    const next = { ...DEFAULT_CHANGE_SETTINGS, quorum: { low: 'any', medium: 'all', high: 'all' } };
    expect(await saveChangeSetting(db, settings(next), admin)).toEqual([]);
    const stored = (await db.settings.findOne(CHANGE_SETTINGS_ID).exec())!.toJSON();
    expect(stored).toMatchObject({ kind: 'change_settings', updatedBy: 'usr-admin', data: { quorum: { medium: 'all' } } });
    expect(stored.updatedAt).toBeGreaterThan(0);
  });

  it('refuses a board that is not an active group of the directory, and writes nothing', async () => {
    const found = await saveChangeSetting(db, settings({ ...DEFAULT_CHANGE_SETTINGS, cabGroupId: 'grp-old' }), admin);
    expect(found.map((v) => [v.code, v.field])).toEqual([['change.setting.unknown_group', 'data.cabGroupId']]);
    expect(await db.settings.findOne(CHANGE_SETTINGS_ID).exec()).toBeNull();
  });

  it('returns the shared shape and id codes for a malformed window or a template under another id', async () => {
    const window = buildChangeWindow({ id: 'win-bad', rrule: 'FREQ=HOURLY', timeZone: 'Mars/Olympus' });
    const bad = await saveChangeSetting(db, { id: window.id, kind: 'change_window', data: asData(window) }, admin);
    expect(bad.map((v) => [v.code, v.field])).toEqual([
      ['change.setting.shape', 'data.timeZone'],
      ['change.setting.shape', 'data.rrule'],
    ]);
    const moved = await saveChangeSetting(db, { id: 'tpl-other', kind: 'change_template', data: asData(template) }, admin);
    expect(moved.map((v) => v.code)).toEqual(['change.setting.id_mismatch']);
    expect(await db.settings.find().exec()).toHaveLength(0);
  });

  it('refuses a supervisor (who only reads) and writes nothing', async () => {
    const found = await saveChangeSetting(db, settings(DEFAULT_CHANGE_SETTINGS), supervisor);
    expect(found.map((v) => v.code)).toEqual(['not_permitted']);
    expect(await db.settings.findOne(CHANGE_SETTINGS_ID).exec()).toBeNull();
  });

  it('keeps a setting of its kind: a window cannot overwrite a template with the same id', async () => {
    await saveChangeSetting(db, { id: template.id, kind: 'change_template', data: asData(template) }, admin);
    const window = buildChangeWindow({ id: template.id });
    const found = await saveChangeSetting(db, { id: window.id, kind: 'change_window', data: asData(window) }, admin);
    expect(found.map((v) => v.code)).toEqual(['change.setting.kind_changed']);
    expect((await db.settings.findOne(template.id).exec())?.kind).toBe('change_template');
  });
});

describe('deleteChangeSetting', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it('deletes a window for an administrator, but a template only deactivates', async () => {
    const window = buildChangeWindow({ id: 'win-sat' });
    await saveChangeSetting(db, { id: window.id, kind: 'change_window', data: asData(window) }, admin);
    await saveChangeSetting(db, { id: template.id, kind: 'change_template', data: asData(template) }, admin);
    expect(await deleteChangeSetting(db, 'win-sat', supervisor)).toMatchObject([{ code: 'not_permitted' }]);
    expect(await db.settings.findOne('win-sat').exec()).not.toBeNull();
    expect(await deleteChangeSetting(db, 'win-sat', admin)).toEqual([]);
    expect(await db.settings.findOne('win-sat').exec()).toBeNull();
    expect(await deleteChangeSetting(db, template.id, admin)).toMatchObject([{ code: 'change.setting.not_deletable' }]);
    expect(await db.settings.findOne(template.id).exec()).not.toBeNull();
  });
});

describe('who sees and changes change management', () => {
  it('admins write, supervisors read only, agents neither', () => {
    expect([canReadChangeSettings(admin), canWriteChangeSettings(admin)]).toEqual([true, true]);
    expect([canReadChangeSettings(supervisor), canWriteChangeSettings(supervisor)]).toEqual([true, false]);
    expect([canReadChangeSettings(agent), canWriteChangeSettings(agent)]).toEqual([false, false]);
  });
});
