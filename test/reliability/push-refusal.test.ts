import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse, Ticket } from '@shared';
import {
  createDeskDatabase,
  startReplication,
  updateTicket,
  type DeskDatabase,
  type SyncController,
} from '../../renderer/src/data/index.js';
import { waitFor } from '../../renderer/src/data/testing/wait.js';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { makeEvent, makeTicket } from '../../server/src/test-support/fixtures.js';

/**
 * A change the server refuses for good (here: a technician flipping the locked `security` field, which the UI never
 * offers) must not block the device's other changes, must not be dropped silently, and must leave the device
 * agreeing with the server.
 */
describe('a push row the server refuses for good', () => {
  let server: RunningServer;
  let db: DeskDatabase;
  let sync: SyncController;
  let session: LoginResponse;

  beforeAll(async () => {
    server = await startServer({ port: 0, dataDir: 'memory://', seedDemo: true, logLevel: 'warn' });
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'tech@example.org', password: 'demo-pass-2026' }),
    });
    session = (await res.json()) as LoginResponse;
    db = await createDeskDatabase({
      name: `refusal-${Date.now()}`,
      storage: getRxStorageMemory(),
      devMode: false,
      multiInstance: false,
    });
    sync = startReplication(db, {
      serverUrl: server.url,
      getAccessToken: () => session.accessToken,
      collections: ['tickets', 'ticket_events'],
      waitForLeadership: false,
      retryTime: 200,
    });
    await sync.awaitInitialPull();
  }, 60_000);

  afterAll(async () => {
    await sync.cancel();
    await db.close();
    await server.close();
  });

  it('is set aside in the conflict view while the rest of the batch reaches the server', async () => {
    const mine = (
      await db.tickets.find({ selector: { assigneeId: session.user.id, status: { $in: ['assigned', 'in_progress'] } } }).exec()
    ).map((d) => d.toJSON() as Ticket);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const [forbidden, allowed] = mine;
    // Written past the command layer on purpose, as an out-of-date or tampered client would.
    const doc = await db.tickets.findOne(forbidden.id).exec();
    await doc!.incrementalPatch({ security: true, title: `${forbidden.title} (tampered)` });
    expect(await updateTicket(db, allowed.id, { title: `${allowed.title} (checked on site)` }, session.user)).toEqual([]);

    await waitFor(
      async () => (await db.tickets.findOne(forbidden.id).exec())?.security === false && sync.getStatus().pendingPush === 0,
      20_000,
      'the refused change to give way',
    );

    // One refusal record for the document, not per-field clashes: "keep mine" could never pass, so none is offered.
    const records = (await db.conflicts.find({ selector: { docId: forbidden.id } }).exec()).map((c) => c.toJSON());
    expect(records).toHaveLength(1);
    const [refusal] = records;
    expect(refusal).toMatchObject({ id: `refusal:tickets:${forbidden.id}`, kind: 'refusal', code: 'forbidden', resolved: false });
    expect(refusal.message).toMatch(/security/i);
    expect(JSON.parse(refusal.localValue)).toMatchObject({ security: true, title: `${forbidden.title} (tampered)` });
    expect(JSON.parse(refusal.remoteValue)).toMatchObject({ security: false, title: forbidden.title });

    const pulled = await fetch(`${server.url}/api/sync/tickets/pull?limit=2000`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const serverDocs = ((await pulled.json()) as { documents: Ticket[] }).documents;
    expect(serverDocs.find((t) => t.id === allowed.id)?.title).toBe(`${allowed.title} (checked on site)`);
    expect(serverDocs.find((t) => t.id === forbidden.id)).toMatchObject({ security: false, title: forbidden.title });
    expect((await db.tickets.findOne(forbidden.id).exec())?.title).toBe(forbidden.title);
  }, 40_000);

  it('keeps a refused new entry in the conflict view instead of retrying it forever', async () => {
    const ticket = await db.tickets.findOne({ selector: { assigneeId: session.user.id } }).exec();
    const id = `evt-impersonated-${Date.now()}`;
    // Someone else's name on the entry: the server refuses it (403) and would refuse it on every retry.
    await db.ticket_events.insert({
      id,
      ticketId: ticket!.id,
      kind: 'comment',
      authorId: 'usr-agent',
      occurredAt: Date.now(),
      body: 'Written in another name',
      minutes: 0,
      fromValue: '',
      toValue: '',
    });
    await waitFor(
      async () => (await db.ticket_events.findOne(id).exec()) === null && sync.getStatus().pendingPush === 0,
      20_000,
      'the refused entry to be set aside',
    );
    const kept = await db.conflicts.findOne(`refusal:ticket_events:${id}`).exec();
    expect(JSON.parse(kept!.localValue)).toMatchObject({ body: 'Written in another name', authorId: 'usr-agent' });
    // The server's reason travels with the refusal, as a code the UI translates and the server's own sentence.
    expect(kept!.kind).toBe('refusal');
    expect(kept!.code).toBe('forbidden');
    expect(kept!.message).toMatch(/\S/);
  }, 40_000);

  it('retries, rather than sets aside, an entry whose ticket is not on the server yet', async () => {
    const id = `evt-early-${Date.now()}`;
    await db.ticket_events.insert({
      id,
      ticketId: 'tkt-not-pushed-yet',
      kind: 'worklog',
      authorId: session.user.id,
      occurredAt: Date.now(),
      body: 'Logged before the ticket reached the server',
      minutes: 10,
      fromValue: '',
      toValue: '',
    });
    await waitFor(() => sync.getStatus().error !== null, 10_000, 'the push to be refused');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await db.ticket_events.findOne(id).exec()).not.toBeNull();
    expect(await db.conflicts.findOne(`refusal:ticket_events:${id}`).exec()).toBeNull();
  }, 40_000);

  it("sets aside a work log on a ticket whose creation was refused for good, and lets the technician's other work log through", async () => {
    // Created offline in a group the technician has since left: refused for good (403, groupId).
    const { _deleted: _, ...outside } = makeTicket({ groupId: 'grp-network' });
    const own = await db.tickets.findOne({ selector: { assigneeId: session.user.id } }).exec();
    await db.tickets.insert(outside);
    const { _deleted: _a, ...orphan } = makeEvent(outside.id, session.user.id, { kind: 'worklog', minutes: 20 });
    const { _deleted: _b, ...onOwn } = makeEvent(own!.id, session.user.id, { kind: 'worklog', minutes: 15 });
    await db.ticket_events.bulkInsert([orphan, onOwn]);

    await waitFor(
      async () =>
        (await db.conflicts.findOne(`refusal:ticket_events:${orphan.id}`).exec()) !== null && sync.getStatus().pendingPush === 0,
      20_000,
      'the work log on the refused ticket to be set aside',
    );
    expect(await db.conflicts.findOne(`refusal:tickets:${outside.id}`).exec()).not.toBeNull();
    const pulled = await fetch(`${server.url}/api/sync/ticket_events/pull?limit=2000`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const ids = ((await pulled.json()) as { documents: { id: string }[] }).documents.map((d) => d.id);
    expect(ids).toContain(onOwn.id);
    expect(ids).not.toContain(orphan.id);
  }, 40_000);
});
