import { buildDirectoryEntry } from '@shared/testing/build-records.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { saveDirectoryEntries } from './directory.js';

const admin = { id: 'usr-admin', role: 'admin' as const, groupIds: [] };
const supervisor = { id: 'usr-supervisor', role: 'supervisor' as const, groupIds: [] };
const network = buildDirectoryEntry({ id: 'grp-network', kind: 'group', name: 'Network' });
const ana = buildDirectoryEntry({ id: 'usr-ana', email: 'ana@example.org', updatedAt: 5 });

describe('saveDirectoryEntries', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.directory.bulkInsert([network, ana]);
  });
  afterEach(async () => {
    await db.close();
  });

  it('writes a group with its new member and lead in one save, each entry stamped later than before', async () => {
    const group = buildDirectoryEntry({ id: 'grp-print', kind: 'group', name: 'Printing', leadIds: ['usr-ana'] });
    const member = { ...ana, groupIds: ['grp-print'] };
    expect(await saveDirectoryEntries(db, [group, member], admin)).toEqual([]);
    const stored = (await db.directory.findOne('usr-ana').exec())!.toJSON();
    expect(stored.groupIds).toEqual(['grp-print']);
    expect(stored.updatedAt).toBeGreaterThan(5);
    expect((await db.directory.findOne('grp-print').exec())?.leadIds).toEqual(['usr-ana']);
  });

  it('judges entries in the order given, as the server receives them: a person cannot join a group saved after them', async () => {
    const group = buildDirectoryEntry({ id: 'grp-print', kind: 'group' });
    const found = await saveDirectoryEntries(db, [{ ...ana, groupIds: ['grp-print'] }, group], admin);
    expect(found.map((v) => [v.code, v.entryId])).toEqual([['directory_group_unknown', 'usr-ana']]);
    expect(await db.directory.findOne('grp-print').exec()).toBeNull();
    expect((await db.directory.findOne('usr-ana').exec())?.groupIds).toEqual([]);
  });

  it('refuses a duplicate address and a supervisor, leaving the directory as it was', async () => {
    const twin = buildDirectoryEntry({ email: 'Ana@Example.org' });
    expect((await saveDirectoryEntries(db, [twin], admin)).map((v) => v.code)).toEqual(['directory_email_taken']);
    expect((await saveDirectoryEntries(db, [{ ...ana, name: 'Changed' }], supervisor)).map((v) => v.code)).toEqual([
      'not_permitted',
    ]);
    expect((await db.directory.find().exec()).map((d) => d.toJSON())).toEqual([network, ana]);
  });
});
