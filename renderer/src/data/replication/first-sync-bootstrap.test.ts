import { getChangedDocumentsSince } from 'rxdb';
import type { RxStorageInstance, RxStorageReplicationMeta } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateTicket } from '../commands/tickets.js';
import { FakeSyncServer } from '../testing/fake-sync-server.js';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import { waitFor } from '../testing/wait.js';
import type { DeskDatabase } from '../types.js';
import { manualConnectivity, startReplication } from './index.js';
import type { SyncController, SyncStatus } from './index.js';

const actor = { id: 'u-agent' };

/** The per-document rows a meta instance really holds (not those answered from first-synced documents). */
async function documentMetaRows<D, C>(meta: RxStorageInstance<RxStorageReplicationMeta<D, C>, unknown, object>) {
  const { documents } = await getChangedDocumentsSince(meta, 100_000);
  return documents.filter((row) => row.isCheckpoint === '0');
}
const TICKETS = 2500;
const BATCH = 1000;

/** The FakeSyncServer behind a fetch that records pull checkpoints and pushed ids, and can hold one pull. */
class Wire {
  readonly pulls: number[] = [];
  readonly pushedIds: string[] = [];
  private held: { seq: number; release: Promise<void> } | null = null;
  private releaseHeld: () => void = () => undefined;

  constructor(readonly server: FakeSyncServer) {}

  /** Holds the tickets pull from `seq` until `release()` is called. */
  hold(seq: number): void {
    this.held = { seq, release: new Promise((resolve) => (this.releaseHeld = resolve)) };
  }

  release(): void {
    this.releaseHeld();
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.pathname === '/api/sync/tickets/pull') {
      const seq = Number(url.searchParams.get('checkpoint'));
      this.pulls.push(seq);
      if (this.held?.seq === seq) await this.held.release;
    }
    if (url.pathname === '/api/sync/tickets/push' && typeof init?.body === 'string') {
      for (const row of JSON.parse(init.body) as { newDocumentState: { id: string } }[])
        this.pushedIds.push(row.newDocumentState.id);
    }
    return this.server.fetch(input, init);
  };
}

describe('first sync bootstrap', () => {
  let db: DeskDatabase;
  let server: FakeSyncServer;
  let wire: Wire;
  const syncs: SyncController[] = [];
  const net = manualConnectivity(true);

  const start = () => {
    const sync = startReplication(db, {
      serverUrl: 'http://sync.test',
      getAccessToken: () => 'token',
      fetchImpl: wire.fetch,
      connectivity: net,
      collections: ['tickets'],
      retryTime: 50,
      pullBatchSize: BATCH,
      waitForLeadership: false,
    });
    syncs.push(sync);
    return sync;
  };
  const inSync = (sync: SyncController) => sync.replications.tickets!.awaitInSync();
  const localCount = async () => (await db.tickets.find().exec()).length;

  beforeEach(async () => {
    db = await memoryDb();
    server = new FakeSyncServer();
    wire = new Wire(server);
    net.set(true);
    for (let i = 0; i < TICKETS; i++)
      server.put('tickets', { ...makeTicket({ id: `t-${i}`, number: `INC${i}`, updatedAt: 1_700_000_000_000 + i }) });
  });
  afterEach(async () => {
    for (const s of syncs.splice(0)) await s.cancel();
    await db.close();
  });

  it('stores every page once, shows progress, pushes nothing back, and RxDB continues from its checkpoint', async () => {
    const progress: SyncStatus['initialSync'][] = [];
    let downstreamWrites = 0;
    db.tickets.eventBulks$.subscribe((bulk) => {
      if (bulk.context.startsWith('replication-downstream-')) downstreamWrites += bulk.events.length;
    });
    const sync = start();
    sync.subscribe((s) => progress.push(s.initialSync));
    await sync.awaitInitialPull();
    await inSync(sync);

    expect(await localCount()).toBe(TICKETS);
    expect((await db.tickets.findOne('t-7').exec())?.toJSON()).toMatchObject({ number: 'INC7', title: 'Printer on fire' });
    // Each page is pulled once; what follows asks only for changes after the last document.
    expect(wire.pulls.slice(0, 3)).toEqual([0, 1000, 2000]);
    expect(wire.pulls.slice(3).every((seq) => seq === TICKETS)).toBe(true);
    expect(downstreamWrites).toBe(TICKETS);
    expect(wire.pushedIds).toEqual([]);
    expect(sync.getStatus().pendingPush).toBe(0);
    const counts = progress.filter((p) => p.running).map((p) => p.pulledDocs);
    expect(counts.filter((n, i) => n !== counts[i - 1])).toEqual([0, 1000, 2000, 2500]);
    expect(sync.getStatus().initialSync).toEqual({ running: false, pulledDocs: TICKETS });
    // The upstream starts after the bootstrap's documents instead of going through them again.
    expect(sync.replications.tickets!.internalReplicationState!.stats.up.persistToMaster).toBe(0);
    // RxDB's replication reads each document's server state from the document itself: the bootstrap wrote no meta
    // row per document, only its checkpoints.
    const meta = sync.replications.tickets!.metaInstance!;
    expect((await meta.findDocumentsById(['t-7|0'], false))[0]?.docData).toMatchObject({ id: 't-7', number: 'INC7' });
    expect(await documentMetaRows(meta)).toEqual([]);
  });

  it('keeps the pulled state of a document edited while sync is paused, and merges it with a server edit on resume', async () => {
    const first = start();
    await first.awaitInitialPull();
    await inSync(first);
    await first.cancel();
    await updateTicket(db, 't-6', { description: 'Edited while paused' }, actor);
    server.put('tickets', { ...server.get('tickets', 't-6')!, title: 'Server title' });
    const second = start();
    await waitFor(() => server.get('tickets', 't-6')?.description === 'Edited while paused', 5000, 'merged push');
    await inSync(second);
    expect(server.get('tickets', 't-6')?.title).toBe('Server title');
    expect((await db.tickets.findOne('t-6').exec())?.toJSON()).toMatchObject({
      title: 'Server title',
      description: 'Edited while paused',
    });
    expect(await db.conflicts.count().exec()).toBe(0);
    // Only the edited document got a meta row of its own.
    expect((await documentMetaRows(second.replications.tickets!.metaInstance!)).map((r) => r.itemId)).toEqual(['t-6']);
  });

  it('pushes a later local edit against the pulled state, and merges a two-sided edit', async () => {
    const sync = start();
    await sync.awaitInitialPull();
    await updateTicket(db, 't-3', { title: 'Edited locally' }, actor);
    await waitFor(() => server.get('tickets', 't-3')?.title === 'Edited locally', 5000, 'push of the edit');
    expect(await db.conflicts.count().exec()).toBe(0);

    net.set(false);
    await updateTicket(db, 't-4', { title: 'Local title', description: 'Local description' }, actor);
    const master = server.get('tickets', 't-4')!;
    server.put('tickets', { ...master, title: 'Server title', urgency: 1, updatedAt: Number(master.updatedAt) + 5 });
    net.set(true);
    await waitFor(() => server.get('tickets', 't-4')?.description === 'Local description', 5000, 'merged push');
    expect(server.get('tickets', 't-4')?.title).toBe('Server title');
    const conflicts = await db.conflicts.find().exec();
    expect(conflicts.map((c) => [c.docId, c.field])).toEqual([['t-4', 'title']]);
    expect(wire.pushedIds.sort()).toEqual(['t-3', 't-4', 't-4']);
  });

  it('pushes local writes made while the bootstrap runs, and only those', async () => {
    wire.hold(1000);
    const sync = start();
    await waitFor(async () => (await localCount()) === 1000, 5000, 'first page stored');
    await updateTicket(db, 't-5', { title: 'Edited during the first sync' }, actor);
    await db.tickets.insert(makeTicket({ id: 'local-1', number: 'INC-LOCAL' }));
    wire.release();
    await sync.awaitInitialPull();
    await waitFor(() => server.get('tickets', 'local-1') !== undefined, 5000, 'push of the new ticket');
    await waitFor(() => server.get('tickets', 't-5')?.title === 'Edited during the first sync', 5000, 'push of the edit');
    await inSync(sync);
    expect(wire.pushedIds.sort()).toEqual(['local-1', 't-5']);
    expect(await localCount()).toBe(TICKETS + 1);
    expect(await db.conflicts.count().exec()).toBe(0);
  });

  it('takes a server change made during the bootstrap to a document it already stored', async () => {
    wire.hold(1000);
    const sync = start();
    await waitFor(async () => (await localCount()) === 1000, 5000, 'first page stored');
    server.put('tickets', { ...server.get('tickets', 't-2')!, title: 'Changed on the server meanwhile' });
    wire.release();
    await sync.awaitInitialPull();
    await inSync(sync);
    expect((await db.tickets.findOne('t-2').exec())?.title).toBe('Changed on the server meanwhile');
    expect(wire.pushedIds).toEqual([]);
  });

  it('hands a document changed on both sides during the bootstrap to the replication, which merges it', async () => {
    wire.hold(1000);
    const sync = start();
    await waitFor(async () => (await localCount()) === 1000, 5000, 'first page stored');
    await updateTicket(db, 't-2', { description: 'Local description' }, actor);
    server.put('tickets', { ...server.get('tickets', 't-2')!, title: 'Server title' });
    wire.release();
    await sync.awaitInitialPull();
    await waitFor(() => server.get('tickets', 't-2')?.description === 'Local description', 5000, 'merged push');
    await inSync(sync);
    expect(server.get('tickets', 't-2')?.title).toBe('Server title');
    expect((await db.tickets.findOne('t-2').exec())?.toJSON()).toMatchObject({
      title: 'Server title',
      description: 'Local description',
    });
    // The bootstrap stopped at the page holding the diverged document; the replication pulled that page again.
    expect(wire.pulls.slice(0, 4)).toEqual([0, 1000, 2000, 2000]);
    expect(await localCount()).toBe(TICKETS);
    expect(await db.conflicts.count().exec()).toBe(0);
  });

  it('resumes an interrupted bootstrap where it stopped, without pulling, storing or pushing anything twice', async () => {
    wire.hold(1000);
    const first = start();
    await waitFor(async () => (await localCount()) === 1000, 5000, 'first page stored');
    // The page is stored before its progress is: give the progress write a moment, then "reload".
    await new Promise((resolve) => setTimeout(resolve, 100));
    const cancelled = first.cancel();
    wire.release();
    await cancelled;
    expect(first.replications.tickets!.internalReplicationState).toBeUndefined();

    wire.pulls.length = 0;
    const second = start();
    await second.awaitInitialPull();
    await inSync(second);
    expect(wire.pulls.slice(0, 2)).toEqual([1000, 2000]);
    expect(await localCount()).toBe(TICKETS);
    expect(wire.pushedIds).toEqual([]);
    expect(second.getStatus().initialSync).toEqual({ running: false, pulledDocs: TICKETS - 1000 });
  });

  it('completes documents stored without their replication state (a reload between the two writes) without pushing them', async () => {
    // What an interrupted bootstrap leaves when it stops after writing documents but before their meta rows.
    await db.tickets.bulkInsert(
      server
        .all('tickets')
        .slice(0, 1000)
        .map(({ _deleted: _, ...doc }) => doc) as never,
    );
    const sync = start();
    await sync.awaitInitialPull();
    await inSync(sync);
    expect(await localCount()).toBe(TICKETS);
    // The upstream goes through every stored document here (they were not all written by the bootstrap).
    await waitFor(() => !sync.replications.tickets!.internalReplicationState!.events.active.up.getValue(), 5000, 'upstream');
    expect(wire.pushedIds).toEqual([]);
    await updateTicket(db, 't-10', { title: 'Edited after recovery' }, actor);
    await waitFor(() => server.get('tickets', 't-10')?.title === 'Edited after recovery', 5000, 'push of the edit');
    expect(wire.pushedIds).toEqual(['t-10']);
    expect(await db.conflicts.count().exec()).toBe(0);
  });

  it('leaves a collection that synced before to the normal replication', async () => {
    const first = start();
    await first.awaitInitialPull();
    await first.cancel();
    server.put('tickets', { ...server.get('tickets', 't-1')!, title: 'Changed while closed' });
    wire.pulls.length = 0;
    const second = start();
    await second.awaitInitialPull();
    expect(wire.pulls[0]).toBe(TICKETS);
    await waitFor(async () => (await db.tickets.findOne('t-1').exec())?.title === 'Changed while closed', 3000, 'change');
    expect(wire.pushedIds).toEqual([]);
  });
});
