import type { TicketEvent } from '@shared';
import { can, countRatings, scopeExitMarker, withRating, type ArticleRatings } from '@shared';
import { buildArticle } from '@shared/testing/build-records.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase, PlainDoc } from '../types.js';
import { resolveConflict } from '../commands/conflicts.js';
import { DELETED_WHILE_EDITED, conflictId, createConflictHandler } from './conflict-handler.js';

const live = (doc: object): PlainDoc & { _deleted: boolean } => ({ ...(doc as PlainDoc), _deleted: false });

describe('conflict handler (three-way merge)', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it('keeps changes to different fields from both sides', async () => {
    const handler = createConflictHandler('tickets', () => db);
    const base = makeTicket();
    const local = makeTicket({ title: 'Printer on fire (3rd floor)', updatedAt: base.updatedAt + 10 });
    const remote = makeTicket({ urgency: 1, updatedAt: base.updatedAt + 20 });
    const out = (await handler.resolve(
      { assumedMasterState: live(base), newDocumentState: live(local), realMasterState: live(remote) },
      'test',
    )) as PlainDoc;
    expect(out.title).toBe('Printer on fire (3rd floor)');
    expect(out.urgency).toBe(1);
    expect(out.priority).toBe(2); // recomputed from impact 2 x urgency 1
    expect(out.updatedAt).toBe(remote.updatedAt);
    expect(await db.conflicts.count().exec()).toBe(0);
  });

  it('counts two people who rated the same article offline: ratings merge person by person, never a clash', async () => {
    const handler = createConflictHandler('kb_articles', () => db);
    const base = buildArticle({ status: 'published', ratings: withRating(undefined, 'usr-carl', 'helpful', 1), views: 3 });
    // This device rated; meanwhile another person's rating (and a view counted by the server) reached the server.
    const local = { ...base, ratings: withRating(base.ratings as ArticleRatings, 'usr-ana', 'not_helpful', 5) };
    const remote = { ...base, ratings: withRating(base.ratings as ArticleRatings, 'usr-bob', 'helpful', 6), views: 4 };
    const out = (await handler.resolve(
      { assumedMasterState: live(base), newDocumentState: live(local), realMasterState: live(remote) },
      'test',
    )) as PlainDoc;
    expect(countRatings(out.ratings as ArticleRatings)).toEqual({ helpful: 2, notHelpful: 1 });
    expect(out.views).toBe(4);
    expect(await db.conflicts.count().exec()).toBe(0);
  });

  it('keeps a server deletion but records the local edit as a deletion conflict, restorable by overseers only', async () => {
    const handler = createConflictHandler('tickets', () => db);
    const base = makeTicket();
    const local = makeTicket({ title: 'Mine, edited offline', updatedAt: base.updatedAt + 10 });
    const remote = { ...makeTicket({ updatedAt: base.updatedAt + 20 }), _deleted: true };
    const out = (await handler.resolve(
      { assumedMasterState: live(base), newDocumentState: live(local), realMasterState: remote },
      'test',
    )) as PlainDoc & { _deleted: boolean };
    expect(out._deleted).toBe(true);
    expect(out.title).toBe(base.title); // the edit is not hidden inside the tombstone
    const all = await db.conflicts.find().exec();
    expect(all).toHaveLength(1);
    expect(all[0].id).toBe(conflictId('tickets', 't-1', DELETED_WHILE_EDITED));
    expect((JSON.parse(all[0].localValue) as PlainDoc).title).toBe('Mine, edited offline');
    expect(JSON.parse(all[0].remoteValue)).toBeNull();
    const scope = { groupId: local.groupId, assigneeId: local.assigneeId, security: local.security };
    expect(can({ id: 'u-sup', role: 'supervisor', groupIds: [] }, 'ticket.restore', scope)).toBe(true);
    expect(can({ id: 'u-tech', role: 'technician', groupIds: [local.groupId] }, 'ticket.restore', scope)).toBe(false);

    // "Restore": refused to a technician (nothing changes), done for a supervisor with the edit in it.
    await db.tickets.insert(base);
    await (await db.tickets.findOne('t-1').exec())!.remove();
    const refused = await resolveConflict(db, all[0].id, 'local', { id: 'u-tech', role: 'technician' });
    expect(refused).toHaveLength(1);
    expect(await db.tickets.findOne('t-1').exec()).toBeNull();
    expect(await resolveConflict(db, all[0].id, 'local', { id: 'u-sup', role: 'supervisor' })).toEqual([]);
    expect((await db.tickets.findOne('t-1').exec())?.title).toBe('Mine, edited offline');
    expect((await db.conflicts.findOne(all[0].id).exec())?.resolved).toBe(true);
  });

  it("restores a deleted ticket with this device's edits on what others wrote before the deletion (chaos seeds 1095566645, 12900727)", async () => {
    const handler = createConflictHandler('tickets', () => db);
    const base = makeTicket({ status: 'assigned', fieldRevs: {} });
    const local = { ...base, title: 'Mine, edited offline', urgency: 1, fieldRevs: { title: 1, urgency: 1 } };
    // Before deleting it, others set it pending and changed its urgency too.
    const tombstone = {
      ...base,
      status: 'pending',
      pendingReason: 'vendor',
      urgency: 3,
      fieldRevs: { status: 1, pendingReason: 1, urgency: 1 },
      updatedAt: base.updatedAt + 20,
      _deleted: true,
    };
    await handler.resolve({ assumedMasterState: live(base), newDocumentState: live(local), realMasterState: tombstone }, 'test');
    const deletion = await db.conflicts.findOne(conflictId('tickets', 't-1', DELETED_WHILE_EDITED)).exec();
    // Both changed the urgency: the server's value stays in the version to restore, and the clash is shown as usual.
    expect(JSON.parse(deletion!.localValue)).toMatchObject({ title: 'Mine, edited offline', urgency: 3, status: 'pending' });
    const clash = await db.conflicts.findOne(conflictId('tickets', 't-1', 'urgency')).exec();
    expect(clash?.toJSON()).toMatchObject({ localValue: '1', remoteValue: '3', resolved: false });

    const { _deleted: _gone, ...stored } = tombstone;
    await db.tickets.insert(stored as never);
    await (await db.tickets.findOne('t-1').exec())!.remove();
    expect(await resolveConflict(db, deletion!.id, 'local', { id: 'u-sup', role: 'supervisor' })).toEqual([]);
    const restored = (await db.tickets.findOne('t-1').exec())!.toJSON();
    expect(restored).toMatchObject({ title: 'Mine, edited offline', urgency: 3, status: 'pending', pendingReason: 'vendor' });
    // One more edit of what it brings back over the tombstone's counters, none for what it keeps.
    expect(restored.fieldRevs).toEqual({ title: 1, urgency: 1, status: 1, pendingReason: 1 });
    // Then keeping this device's urgency is one more edit.
    expect(await resolveConflict(db, clash!.id, 'local', { id: 'u-sup', role: 'supervisor' })).toEqual([]);
    expect((await db.tickets.findOne('t-1').exec())!.toJSON()).toMatchObject({ urgency: 1, fieldRevs: { urgency: 2 } });
  });

  it('keeps each undecided version when a restored ticket is deleted again over a second edit (chaos seed 1221985058)', async () => {
    const handler = createConflictHandler('tickets', () => db);
    const base = makeTicket();
    const deletion = (at: number) => ({ ...makeTicket({ updatedAt: at }), _deleted: true });
    const resolve = (title: string, tombstone: PlainDoc) =>
      handler.resolve(
        { assumedMasterState: live(base), newDocumentState: live({ ...base, title }), realMasterState: tombstone as never },
        'test',
      );
    await resolve('First edit, before the first deletion', deletion(base.updatedAt + 10));
    // The same deletion resolved again (RxDB retries) adds nothing.
    await resolve('First edit, before the first deletion', deletion(base.updatedAt + 10));
    await resolve('Second edit, after someone restored it', deletion(base.updatedAt + 20));
    const kept = (await db.conflicts.find({ selector: { resolved: false } }).exec()).map(
      (c) => (JSON.parse(c.localValue) as PlainDoc).title,
    );
    expect(kept.sort()).toEqual(['First edit, before the first deletion', 'Second edit, after someone restored it']);
    // The newest stays under the document's own id; once decided, it is simply replaced.
    const current = await db.conflicts.findOne(conflictId('tickets', 't-1', DELETED_WHILE_EDITED)).exec();
    expect((JSON.parse(current!.localValue) as PlainDoc).title).toBe('Second edit, after someone restored it');
    await current!.patch({ resolved: true });
    await resolve('Third edit', deletion(base.updatedAt + 30));
    expect(await db.conflicts.count().exec()).toBe(2);
  });

  it("merges edits made before a create's confirmation was recorded against the create, not as clashes with itself (console-flow)", async () => {
    const handler = createConflictHandler('tickets', () => db);
    const pushed = makeTicket({ status: 'new', assigneeId: '', number: 'PROV-1', fieldRevs: {} });
    const confirmed = { ...pushed, number: 'INC0001234' };
    // The create's push is answered with the server's version; RxDB then fails to record it (the user edited).
    await handler.resolve({ newDocumentState: live(pushed), realMasterState: live(confirmed) }, 'test');
    const edited = {
      ...pushed,
      status: 'assigned',
      assigneeId: 'u-agent',
      title: 'Mine',
      fieldRevs: { status: 1, assigneeId: 1, title: 1 },
    };
    // Pushed again without an assumed state; meanwhile a colleague retitled it: the one real clash.
    const remote = { ...confirmed, title: 'Renamed by a colleague', fieldRevs: { title: 1 } };
    const out = (await handler.resolve({ newDocumentState: live(edited), realMasterState: live(remote) }, 'test')) as PlainDoc;
    expect(out).toMatchObject({
      status: 'assigned',
      assigneeId: 'u-agent',
      number: 'INC0001234',
      title: 'Renamed by a colleague',
    });
    expect((await db.conflicts.find().exec()).map((c) => c.field)).toEqual(['title']);
  });

  it('merges a document pushed without an assumed state that it never pushed before as before: every difference clashes', async () => {
    const handler = createConflictHandler('tickets', () => db);
    const local = makeTicket({ title: 'Mine', urgency: 3 });
    const remote = makeTicket({ title: 'Theirs', urgency: 3 });
    const out = (await handler.resolve({ newDocumentState: live(local), realMasterState: live(remote) }, 'test')) as PlainDoc;
    expect(out.title).toBe('Theirs');
    expect((await db.conflicts.find().exec()).map((c) => c.field)).toEqual(['title']);
  });

  it('takes a server deletion silently when the device had not changed the document', async () => {
    const handler = createConflictHandler('tickets', () => db);
    const base = makeTicket();
    const out = (await handler.resolve(
      { assumedMasterState: live(base), newDocumentState: live(base), realMasterState: { ...base, _deleted: true } },
      'test',
    )) as PlainDoc & { _deleted: boolean };
    expect(out._deleted).toBe(true);
    expect(await db.conflicts.count().exec()).toBe(0);
  });

  it('keeps the server value on a same-field clash and records exactly one conflict, even when resolved twice', async () => {
    const handler = createConflictHandler('tickets', () => db);
    const base = makeTicket();
    const local = makeTicket({ title: 'Mine', updatedAt: base.updatedAt + 10 });
    const remote = makeTicket({ title: 'Theirs', updatedAt: base.updatedAt + 20, updatedBy: 'u-other' });
    const input = { assumedMasterState: live(base), newDocumentState: live(local), realMasterState: live(remote) };
    const out = (await handler.resolve(input, 'test')) as PlainDoc;
    await handler.resolve(input, 'test');
    expect(out.title).toBe('Theirs');
    const all = await db.conflicts.find().exec();
    expect(all).toHaveLength(1);
    expect(all[0].id).toBe(conflictId('tickets', 't-1', 'title'));
    expect(JSON.parse(all[0].localValue)).toBe('Mine');
    expect(JSON.parse(all[0].remoteValue)).toBe('Theirs');
    // Who wrote the server's value, and when: the user decides knowing it.
    expect(all[0].toJSON()).toMatchObject({ remoteBy: 'u-other', remoteAt: base.updatedAt + 20 });
    expect(all[0].resolved).toBe(false);
  });

  it('records a conflict when the server changed the field and changed it back meanwhile (A-B-A)', async () => {
    const handler = createConflictHandler('tickets', () => db);
    const base = makeTicket({ assigneeId: 'u-a' });
    // Another device: u-a -> u-b -> u-a, both pushed. This device, offline from u-a: u-a -> u-c.
    const remote = makeTicket({ assigneeId: 'u-a', fieldRevs: { assigneeId: 2 }, updatedAt: base.updatedAt + 20 });
    const local = makeTicket({ assigneeId: 'u-c', fieldRevs: { assigneeId: 1 }, updatedAt: base.updatedAt + 30 });
    const out = (await handler.resolve(
      { assumedMasterState: live(base), newDocumentState: live(local), realMasterState: live(remote) },
      'test',
    )) as PlainDoc;
    expect(out.assigneeId).toBe('u-a');
    expect(out.fieldRevs).toEqual({ assigneeId: 2 });
    const [record] = await db.conflicts.find().exec();
    expect(record.id).toBe(conflictId('tickets', 't-1', 'assigneeId'));
    expect([JSON.parse(record.localValue), JSON.parse(record.remoteValue)]).toEqual(['u-c', 'u-a']);
  });

  it('treats structurally equal documents as equal, whatever the key order or local metadata', () => {
    const handler = createConflictHandler('tickets', () => db);
    const a = live(makeTicket());
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    expect(handler.isEqual(a, { ...reordered, _meta: { lwt: 1 }, _rev: '1-x' } as typeof a, 'test')).toBe(true);
    expect(handler.isEqual(a, live(makeTicket({ title: 'Other' })), 'test')).toBe(false);
  });

  it('never loses an append-only entry', async () => {
    const handler = createConflictHandler('ticket_events', () => db);
    const event: TicketEvent = {
      id: 'e-1',
      ticketId: 't-1',
      kind: 'worklog',
      authorId: 'u-tech',
      occurredAt: 5,
      body: 'Replaced toner',
      minutes: 15,
      fromValue: '',
      toValue: '',
    };
    const serverCopy = { ...event, occurredAt: 6 };
    const out = (await handler.resolve({ newDocumentState: live(event), realMasterState: live(serverCopy) }, 'test')) as PlainDoc;
    expect(out.occurredAt).toBe(6);
    expect(await db.conflicts.count().exec()).toBe(0);
    // A tombstone on the server: the local entry is appended again under a new id.
    await handler.resolve({ newDocumentState: live(event), realMasterState: { ...event, _deleted: true } }, 'test');
    const copies = await db.ticket_events.find().exec();
    expect(copies).toHaveLength(1);
    expect(copies[0].id).not.toBe('e-1');
    expect(copies[0].body).toBe('Replaced toner');
    // An entry that only records its ticket's change goes with that change: it is not appended again.
    const change = {
      ...event,
      id: 'e-2',
      kind: 'field_change' as const,
      body: '{"field":"title","from":"a","to":"b"}',
      minutes: 0,
    };
    const out2 = (await handler.resolve(
      { newDocumentState: live(change), realMasterState: { ...change, _deleted: true } },
      'test',
    )) as PlainDoc;
    expect(out2._deleted).toBe(true);
    expect(await db.ticket_events.count().exec()).toBe(1);
  });

  it('drops a retried entry or ticket that left the user’s scope, with no copy and no conflict (chaos seed 2125770887)', async () => {
    // The server answers a retry whose first answer was lost with the scope-exit marker, as its pull would.
    const events = createConflictHandler('ticket_events', () => db);
    const event = { id: 'e-9', ticketId: 't-1', kind: 'comment', authorId: 'u-tech', occurredAt: 5, body: 'On site at 9' };
    const marker = scopeExitMarker('ticket_events', { id: 'e-9', ticketId: 't-1' });
    const out = (await events.resolve({ newDocumentState: live(event), realMasterState: marker }, 'test')) as PlainDoc;
    expect(out).toMatchObject({ id: 'e-9', _deleted: true });
    expect(await db.ticket_events.count().exec()).toBe(0);

    const tickets = createConflictHandler('tickets', () => db);
    const base = makeTicket();
    const moved = makeTicket({ groupId: 'grp-apps', updatedAt: base.updatedAt + 10 });
    const gone = (await tickets.resolve(
      {
        assumedMasterState: live(base),
        newDocumentState: live(moved),
        realMasterState: scopeExitMarker('tickets', { id: 't-1' }),
      },
      'test',
    )) as PlainDoc;
    expect(gone).toMatchObject({ id: 't-1', _deleted: true });
    // Not someone's deletion: nothing waits in the conflict view.
    expect(await db.conflicts.count().exec()).toBe(0);
  });
});
