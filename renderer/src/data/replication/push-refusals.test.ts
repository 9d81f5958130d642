import { conflictDefinition } from '@shared';
import type { ApiErrorBody, ConflictRecord, TicketEvent } from '@shared';
import { buildEvent } from '@shared/testing/build-records.js';
import { createRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeskDatabase } from '../db.js';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase, PlainDoc } from '../types.js';
import { createConflictHandler } from './conflict-handler.js';
import { SyncHttpError } from './http.js';
import { outOfScopeIds, refusalRecord, rowRefusal, rowsToShowRefused, stateAfterRefusal } from './push-refusals.js';

const live = (doc: object): PlainDoc & { _deleted: boolean } => ({ ...(doc as PlainDoc), _deleted: false });

function refusedWith(status: number, details: ApiErrorBody['details'], message = 'Nothing was saved: refused.') {
  return new SyncHttpError(message, status, { statusCode: status, error: 'Refused', message, details });
}

describe('push refusals', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it('drops the copy of a ticket refused because it left the user’s scope, keeping the refused change aside', () => {
    const base = makeTicket();
    const edited = { ...base, title: 'Edited while it moved away' };
    const row = { assumedMasterState: live(base), newDocumentState: live(edited) };
    const err = refusedWith(403, [
      { documentId: 't-1', code: 'out_of_scope', message: 'You cannot see ticket "t-1", so you cannot change it.' },
      { documentId: 't-2', message: 'Your role (technician) may not delete tickets documents.' },
    ]);
    expect([...outOfScopeIds(err)]).toEqual(['t-1']);
    expect(stateAfterRefusal(row, true)).toMatchObject({ id: 't-1', title: base.title, _deleted: true });
    // Any other refusal goes back to the server's state, which the device may still see.
    expect(stateAfterRefusal(row)).toMatchObject({ title: base.title, _deleted: false });
    expect(refusalRecord('tickets', row, rowRefusal(err, 't-1'), 1).localValue).toContain('Edited while it moved away');
  });

  it("shows a refused history entry only when it is the user's own words, not a record of the ticket's refused change", () => {
    const entry = (id: string, kind: TicketEvent['kind']) => ({
      newDocumentState: live(buildEvent('t-1', 'u-tech', { id, kind })),
    });
    const rows = [
      entry('e-title', 'field_change'),
      entry('e-status', 'status_change'),
      entry('e-note', 'comment'),
      entry('e-log', 'worklog'),
    ];
    expect(rowsToShowRefused('ticket_events', rows).map((r) => r.newDocumentState.id)).toEqual(['e-note', 'e-log']);
    // Every other collection's refused rows are all shown.
    const ticket = { newDocumentState: live(makeTicket()) };
    expect(rowsToShowRefused('tickets', [ticket])).toEqual([ticket]);
  });

  it("keeps the server's code and its own sentence about the row, not the batch's first problem", () => {
    const err = refusedWith(403, [
      { documentId: 'other', message: 'Not your group.' },
      { documentId: 't-1', field: 'security', message: 'Only a supervisor may change security.' },
    ]);
    expect(rowRefusal(err, 't-1')).toEqual({ code: 'forbidden', message: 'Only a supervisor may change security.' });
    expect(rowRefusal(refusedWith(422, []), 't-1')).toEqual({ code: 'rule', message: 'Nothing was saved: refused.' });
    expect(rowRefusal(refusedWith(409, []), 't-1', 'gave_up').code).toBe('gave_up');
  });

  it('stores one refusal record per document, holding the whole refused document and the state it went back to', async () => {
    const base = makeTicket();
    const local = makeTicket({ title: 'Tampered', security: true });
    const row = { assumedMasterState: live(base), newDocumentState: live(local) };
    const record = refusalRecord('tickets', row, { code: 'forbidden', message: 'No.' }, 5);
    await db.conflicts.insert(record);
    expect(record).toMatchObject({ id: 'refusal:tickets:t-1', kind: 'refusal', field: '', code: 'forbidden', message: 'No.' });
    expect(JSON.parse(record.localValue)).toMatchObject({ title: 'Tampered', security: true });
    expect(JSON.parse(record.remoteValue)).toMatchObject({ title: base.title });
    expect(stateAfterRefusal(row)).toBe(row.assumedMasterState);
    const creation = refusalRecord('tickets', { newDocumentState: live(local) }, { code: 'forbidden', message: 'No.' }, 5);
    expect(creation.remoteValue).toBe('null');
    expect(stateAfterRefusal({ newDocumentState: live(local) })._deleted).toBe(true);
  });

  it('lets the server state win for the refused state only, read from the refusal record (no hidden signal)', async () => {
    const handler = createConflictHandler('tickets', () => db);
    const base = makeTicket();
    const refused = makeTicket({ title: 'Tampered', updatedAt: base.updatedAt + 1 });
    const remote = makeTicket({ urgency: 1, updatedAt: base.updatedAt + 2 });
    const row = { assumedMasterState: live(base), newDocumentState: live(refused) };
    await db.conflicts.insert(refusalRecord('tickets', row, { code: 'forbidden', message: 'No.' }, 5));

    const out = await handler.resolve({ ...row, realMasterState: live(remote) }, 'test');
    expect(out).toEqual(live(remote));

    // An edit made since the refusal is not the refused state: it is merged as usual, nothing dropped.
    const later = makeTicket({ description: 'Edited after the refusal', updatedAt: base.updatedAt + 3 });
    const merged = (await handler.resolve(
      { assumedMasterState: live(base), newDocumentState: live(later), realMasterState: live(remote) },
      'test',
    )) as PlainDoc;
    expect(merged).toMatchObject({ description: 'Edited after the refusal', urgency: 1 });

    // Once discarded, the record no longer decides anything.
    await (await db.conflicts.findOne('refusal:tickets:t-1').exec())!.incrementalPatch({ resolved: true });
    const after = (await handler.resolve({ ...row, realMasterState: live(remote) }, 'test')) as PlainDoc;
    expect(after).toMatchObject({ title: 'Tampered', urgency: 1 });
  });
});

describe('conflicts collection migration 0 -> 1', () => {
  it('turns the old `_document` records into refusals with their reason, and the rest into conflicts', async () => {
    const name = `conflicts-migration-${Date.now()}`;
    const storage = getRxStorageMemory();
    const v0 = { ...conflictDefinition.schema, version: 0 } as Record<string, unknown>;
    const v0Props = { ...(conflictDefinition.schema.properties as Record<string, unknown>) };
    for (const f of ['kind', 'code', 'message']) delete v0Props[f];
    v0.properties = v0Props;
    v0.required = (conflictDefinition.schema.required ?? []).filter((f) => f !== 'kind');
    const old = await createRxDatabase({ name, storage: wrappedValidateAjvStorage({ storage }), multiInstance: false });
    await old.addCollections({ conflicts: { schema: v0 as never } });
    const common = { collectionName: 'ticket_events', docId: 'e-1', detectedAt: 1, resolved: false };
    await old.conflicts.bulkInsert([
      {
        ...common,
        id: 'ticket_events:e-1:_document',
        field: '_document',
        localValue: '{"id":"e-1"}',
        remoteValue: '"Not yours."',
      },
      {
        ...common,
        id: 'tickets:t-1:title',
        docId: 't-1',
        collectionName: 'tickets',
        field: 'title',
        localValue: '"a"',
        remoteValue: '"b"',
      },
    ]);
    await old.close();

    // Opened as the app opens it: every collection at its current version, migrations run.
    const db = await createDeskDatabase({ name, storage, devMode: true, multiInstance: false });
    const all = (await db.conflicts.find().exec()).map((d) => d.toJSON() as ConflictRecord);
    expect(all.find((r) => r.docId === 'e-1')).toMatchObject({
      id: 'refusal:ticket_events:e-1',
      kind: 'refusal',
      code: 'unknown',
      message: 'Not yours.',
      remoteValue: 'null',
      localValue: '{"id":"e-1"}',
    });
    expect(all.find((r) => r.docId === 't-1')).toMatchObject({ id: 'tickets:t-1:title', kind: 'conflict', field: 'title' });
    await db.close();
  });
});
