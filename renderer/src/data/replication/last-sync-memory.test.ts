// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSyncServer } from '../testing/fake-sync-server.js';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { manualConnectivity, startReplication, type SyncController } from './index.js';
import { forgetLastSync, readLastSync } from './last-sync-memory.js';

describe('the last sync time across reloads', () => {
  let db: DeskDatabase | undefined;
  let sync: SyncController | undefined;
  afterEach(async () => {
    await sync?.cancel();
    await db?.close();
    localStorage.clear();
  });

  it('a device restarted offline shows when it last synced, until the database is erased', async () => {
    const server = new FakeSyncServer();
    server.put('tickets', { ...makeTicket() });
    db = await memoryDb();
    const options = {
      serverUrl: 'http://sync.test',
      getAccessToken: () => 'token',
      fetchImpl: server.fetch,
      waitForLeadership: false,
    };
    sync = startReplication(db, { ...options, collections: ['tickets'], streamCollections: [] });
    await sync.awaitInitialPull();
    const reached = sync.getStatus().lastSyncAt;
    expect(reached).not.toBeNull();
    await sync.cancel();

    // The restart, offline: nothing is exchanged, and the header still has the time actually reached.
    const offline = manualConnectivity(false);
    sync = startReplication(db, { ...options, collections: ['tickets'], streamCollections: [], connectivity: offline });
    expect(sync.getStatus().lastSyncAt).toBe(reached);

    forgetLastSync(db.name);
    expect(readLastSync(db.name, options.serverUrl)).toBeNull();
  });
});
