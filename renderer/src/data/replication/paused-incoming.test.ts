import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateTicket } from '../commands/tickets.js';
import { FakeSyncServer } from '../testing/fake-sync-server.js';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import { waitFor } from '../testing/wait.js';
import type { DeskDatabase } from '../types.js';
import { manualConnectivity, pausedSync, startReplication, watchIncomingTickets } from './index.js';
import type { IncomingTicketChange, SyncController } from './index.js';

describe('pausing sync and watching incoming tickets', () => {
  let db: DeskDatabase;
  let server: FakeSyncServer;
  let sync: SyncController | undefined;
  const net = manualConnectivity(true);
  const start = () =>
    (sync = startReplication(db, {
      serverUrl: 'http://sync.test',
      getAccessToken: () => 'token',
      fetchImpl: server.fetch,
      connectivity: net,
      retryTime: 50,
      waitForLeadership: false,
    }));

  beforeEach(async () => {
    db = await memoryDb();
    server = new FakeSyncServer();
    net.set(true);
  });
  afterEach(async () => {
    await sync?.cancel();
    sync = undefined;
    await db.close();
  });

  it('pause carries the pending changes, counts new ones, sends nothing; resume sends them', async () => {
    server.put('tickets', { ...makeTicket() });
    server.put('tickets', { ...makeTicket({ id: 't-2', number: 'INC0001002' }) });
    const running = start();
    await running.awaitInitialPull();
    net.set(false);
    // Fields whose changes the history does not record: one pending document per edit.
    await updateTicket(db, 't-1', { resolutionNotes: 'Edited before pausing' }, { id: 'u-agent' });
    await waitFor(() => running.getStatus().pendingPush === 1, 2000, 'pending before pause');

    const carried = { pending: running.pendingDocs(), lastSyncAt: running.getStatus().lastSyncAt };
    expect(carried.pending).toEqual([{ collection: 'tickets', id: 't-1' }]);
    await running.cancel();
    const paused = (sync = pausedSync(db, carried));
    expect(paused.getStatus()).toMatchObject({ paused: true, online: false, pendingPush: 1, lastSyncAt: carried.lastSyncAt });
    net.set(true);
    await updateTicket(db, 't-2', { resolutionNotes: 'Edited while paused' }, { id: 'u-agent' });
    await waitFor(() => paused.getStatus().pendingPush === 2, 2000, 'pending while paused');
    expect(paused.isPending('tickets', 't-2')).toBe(true);
    expect(server.get('tickets', 't-2')?.resolutionNotes).not.toBe('Edited while paused');

    await paused.cancel();
    const resumed = start();
    expect(resumed.getStatus().paused).toBe(false);
    await waitFor(() => server.get('tickets', 't-2')?.resolutionNotes === 'Edited while paused', 5000, 'pushed after resume');
    await waitFor(
      () => server.get('tickets', 't-1')?.resolutionNotes === 'Edited before pausing',
      5000,
      'older change pushed too',
    );
  });

  it('reports tickets the replication brings, with the state they replaced, and never local edits', async () => {
    server.put('tickets', { ...makeTicket({ assigneeId: 'u-other' }) });
    const seen: IncomingTicketChange[][] = [];
    const stop = watchIncomingTickets(db, (changes) => seen.push(changes));
    const s = start();
    await s.awaitInitialPull();
    expect(seen.flat().map((c) => [c.previous, c.current.assigneeId])).toEqual([[null, 'u-other']]);

    await updateTicket(db, 't-1', { title: 'My own edit' }, { id: 'u-agent' });
    await waitFor(() => server.get('tickets', 't-1')?.title === 'My own edit', 5000, 'push');
    const before = seen.length;

    const master = server.get('tickets', 't-1')!;
    server.put('tickets', {
      ...master,
      assigneeId: 'u-tech',
      updatedBy: 'u-supervisor',
      updatedAt: Number(master.updatedAt) + 10,
    });
    await waitFor(
      () =>
        seen
          .slice(before)
          .flat()
          .some((c) => c.current.assigneeId === 'u-tech'),
      5000,
      'reassignment arrives',
    );
    const change = seen
      .slice(before)
      .flat()
      .find((c) => c.current.assigneeId === 'u-tech')!;
    expect(change.previous?.assigneeId).toBe('u-other');
    expect(change.current.updatedBy).toBe('u-supervisor');
    // The local edit itself (title changed here) is never reported; at most its echo from the server, unchanged.
    const localEditReported = seen.flat().some((c) => c.current.title === 'My own edit' && c.previous?.title !== 'My own edit');
    expect(localEditReported).toBe(false);
    stop();
  });
});
