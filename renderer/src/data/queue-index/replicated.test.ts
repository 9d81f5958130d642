import { afterEach, describe, expect, it } from 'vitest';
import { FakeSyncServer } from '../testing/fake-sync-server.js';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import { waitFor } from '../testing/wait.js';
import type { DeskDatabase } from '../types.js';
import { manualConnectivity, startReplication } from '../replication/index.js';
import type { SyncController } from '../replication/index.js';
import { queueIndexFor } from './load-queue-index.js';

describe('queue index and replication', () => {
  let db: DeskDatabase;
  let sync: SyncController | undefined;
  afterEach(async () => {
    await sync?.cancel();
    await db.close();
  });

  it('receives the tickets the replication writes', async () => {
    db = await memoryDb();
    const index = queueIndexFor(db.tickets);
    await waitFor(() => index.loaded);
    const server = new FakeSyncServer();
    for (let i = 0; i < 50; i++)
      server.put('tickets', { ...makeTicket({ id: `t-${i}`, number: `INC${i}`, updatedAt: 1_700_000_000_000 + i }) });
    sync = startReplication(db, {
      serverUrl: 'http://sync.test',
      getAccessToken: () => 'token',
      fetchImpl: server.fetch,
      connectivity: manualConnectivity(true),
      waitForLeadership: false,
      collections: ['tickets'],
    });
    await sync.awaitInitialPull();
    expect(await db.tickets.count().exec()).toBe(50);
    expect(index.size).toBe(50);
  });
});
