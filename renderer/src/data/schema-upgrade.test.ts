import { ticketDefinition, type CollectionSchema, type Ticket } from '@shared';
import { createRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeskDatabase } from './db.js';
import { manualConnectivity, startReplication, type SyncController } from './replication/index.js';
import { FakeSyncServer } from './testing/fake-sync-server.js';
import { makeTicket } from './testing/fixtures.js';
import type { DeskDatabase } from './types.js';

/** The tickets schema as version 1 shipped it: the same, without the edit counters. */
function ticketSchemaV1(): CollectionSchema {
  const { fieldRevs: _added, ...properties } = ticketDefinition.schema.properties;
  return { ...ticketDefinition.schema, version: 1, properties };
}

describe('ticket schema v1 -> v2 on a device', () => {
  let db: DeskDatabase | undefined;
  let sync: SyncController | undefined;
  afterEach(async () => {
    await sync?.cancel();
    await db?.close();
  });

  it('keeps local tickets as they were and resyncs them under the new replication identifier without losing an edit', async () => {
    const storage = getRxStorageMemory();
    const name = `upgrade-${Date.now()}`;
    const base = makeTicket({ id: 't-same' });
    const behind = makeTicket({ id: 't-behind', description: 'Before' });
    const pending = makeTicket({ id: 't-pending' });
    const old = await createRxDatabase({ name, storage, multiInstance: false });
    await old.addCollections({ tickets: { schema: ticketSchemaV1(), migrationStrategies: { 1: (d: unknown) => d } } });
    await old.tickets.bulkInsert([base, behind, { ...pending, title: 'Edited offline before the upgrade' }]);
    await old.close();

    db = await createDeskDatabase({ name, storage, devMode: true, multiInstance: false });
    const migrated = await db.tickets.find().exec();
    expect(migrated.map((d) => d.id).sort()).toEqual(['t-behind', 't-pending', 't-same']);
    expect(migrated.every((d) => d.toJSON().fieldRevs === undefined)).toBe(true);

    const server = new FakeSyncServer();
    server.put('tickets', { ...base });
    server.put('tickets', { ...behind, description: 'Changed by another device', updatedAt: behind.updatedAt + 5 });
    server.put('tickets', { ...pending });
    sync = startReplication(db, {
      serverUrl: 'http://sync.test',
      getAccessToken: () => 'token',
      fetchImpl: server.fetch,
      connectivity: manualConnectivity(true),
      retryTime: 50,
      collections: ['tickets'],
      waitForLeadership: false,
    });
    await sync.awaitInitialPull();
    await Promise.all(Object.values(sync.replications).map((rs) => rs.awaitInSync()));

    const local = new Map((await db.tickets.find().exec()).map((d) => [d.id, d.toJSON() as Ticket]));
    for (const id of ['t-same', 't-behind', 't-pending']) {
      const { _deleted: _flag, ...fields } = server.get('tickets', id) ?? {};
      expect(local.get(id)).toEqual(fields);
    }
    const conflicts = await db.conflicts.find().exec();
    // A ticket already in step with the server needs nothing.
    expect(conflicts.filter((c) => c.docId === 't-same')).toEqual([]);
    // The edit made before the upgrade is not lost: on the server, or waiting in the conflict view.
    const pendingTitle = 'Edited offline before the upgrade';
    const kept =
      server.get('tickets', 't-pending')?.title === pendingTitle ||
      conflicts.some((c) => c.docId === 't-pending' && c.field === 'title' && JSON.parse(c.localValue) === pendingTitle);
    expect(kept).toBe(true);
    // The price of starting over: without an assumed master state, a ticket the device had not pulled the latest
    // version of is merged without a base too, so the other device's change shows up as a record to settle.
    expect(conflicts.map((c) => `${c.docId}.${c.field}`).sort()).toEqual(['t-behind.description', 't-pending.title']);
  });
});
