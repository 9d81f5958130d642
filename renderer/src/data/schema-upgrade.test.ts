import {
  countRatings,
  defaultReviewBy,
  effectiveReviewBy,
  kbArticleDefinition,
  ticketDefinition,
  type CollectionSchema,
  type PushRow,
  type Ticket,
} from '@shared';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeskDatabase, type CreateDeskDatabaseOptions, type MigrationProgress } from './db.js';
import { replicationIdentifier, manualConnectivity, startReplication, type SyncController } from './replication/index.js';
import { FakeSyncServer } from './testing/fake-sync-server.js';
import { makeTicket } from './testing/fixtures.js';
import { buildArticle, buildEvent } from '@shared/testing/build-records.js';
import { openTicketsV2Database } from './testing/ticket-schema-v2.js';
import type { DeskDatabase, PlainDoc } from './types.js';

/** The tickets schema as version 1 shipped it: the same, without the edit counters. */
function ticketSchemaV1(): CollectionSchema {
  const { fieldRevs: _added, ...properties } = ticketDefinition.schema.properties;
  return { ...ticketDefinition.schema, version: 1, properties };
}

/** Replicates the tickets of `database` with a fake server, as the app does. */
function replicateTickets(database: DeskDatabase, fetchImpl: typeof fetch, connectivity = manualConnectivity(true)) {
  return startReplication(database, {
    serverUrl: 'http://sync.test',
    getAccessToken: () => 'token',
    fetchImpl,
    connectivity,
    retryTime: 50,
    collections: ['tickets'],
    waitForLeadership: false,
  });
}

describe('ticket schema upgrades on a device', () => {
  let db: DeskDatabase | undefined;
  let sync: SyncController | undefined;
  afterEach(async () => {
    await sync?.cancel();
    await db?.close();
  });

  it('v1 -> current (a new document shape): keeps local tickets as they were and resyncs them under the new replication identifier without losing an edit', async () => {
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
    sync = replicateTickets(db, server.fetch);
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

  // The production storage too (Dexie, here on fake-indexeddb): each schema version of a collection and of its
  // replication state is a separate IndexedDB database there.
  it.each<[string, () => NonNullable<CreateDeskDatabaseOptions['storage']>]>([
    ['memory', () => getRxStorageMemory()],
    ['Dexie', () => getRxStorageDexie({ indexedDB, IDBKeyRange })],
  ])(
    'v2 -> v3 (indexes only) keeps the replication on %s: an edit made offline before the upgrade is pushed as an edit, and the pull resumes',
    async (_name, makeStorage) => {
      const storage = makeStorage();
      const name = `upgrade-v3-${Date.now()}`;
      const server = new FakeSyncServer();
      for (const id of ['t-same', 't-behind', 't-pending'])
        server.put('tickets', { ...makeTicket({ id, description: 'Before' }) });
      const pulledFrom: number[] = [];
      const pushedIds: string[] = [];
      const fetchImpl: typeof fetch = async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input);
        if (url.pathname.endsWith('/tickets/pull')) pulledFrom.push(Number(url.searchParams.get('checkpoint') ?? 0));
        if (url.pathname.endsWith('/tickets/push'))
          pushedIds.push(...(JSON.parse(init?.body as string) as PushRow<PlainDoc>[]).map((r) => String(r.newDocumentState.id)));
        return server.fetch(input, init);
      };
      const net = manualConnectivity(true);

      // The release before: schema v2, first sync, then an edit made offline. Its replication had the name v3 keeps.
      expect(replicationIdentifier('http://sync.test', 'tickets')).toBe(
        'servicedesk|http://sync.test|tickets|schema-v2|protocol-v1',
      );
      const old = await openTicketsV2Database(name, wrappedValidateAjvStorage({ storage }));
      sync = replicateTickets(old, fetchImpl, net);
      await sync.awaitInitialPull();
      await sync.replications.tickets?.awaitInSync();
      net.set(false);
      // As that release edited (it recorded no field changes: v0 events have no such kind).
      await (await old.tickets.findOne('t-pending').exec())!.incrementalPatch({ title: 'Edited offline before the upgrade' });
      await old.ticket_events.insert(buildEvent('t-pending', 'u-tech', { id: 'e-before', kind: 'comment', body: 'Kept' }));
      await sync.cancel();
      await old.close();
      server.put('tickets', { ...makeTicket({ id: 't-behind', description: 'Changed by another device' }), updatedAt: 2 });
      const pullsBefore = pulledFrom.length;
      pushedIds.length = 0;

      // The upgrade: RxDB migrates the documents and the replication state, the start screen showing how far it is;
      // the device comes back online.
      const progress: MigrationProgress[] = [];
      const open = () =>
        createDeskDatabase({ name, storage, devMode: true, multiInstance: false, onMigrationProgress: (p) => progress.push(p) });
      db = await open();
      // The 3 tickets and the rows of their replication state (checkpoints, the pending edit's server state).
      const done = progress.at(-1);
      expect(done?.total).toBeGreaterThan(3);
      expect(done?.handled).toBe(done?.total);
      net.set(true);
      sync = replicateTickets(db, fetchImpl, net);
      await sync.awaitInitialPull();
      await sync.replications.tickets?.awaitInSync();

      expect(server.get('tickets', 't-pending')?.title).toBe('Edited offline before the upgrade');
      expect(pushedIds).toEqual(['t-pending']);
      expect((await db.tickets.findOne('t-behind').exec())?.description).toBe('Changed by another device');
      // Resumed from its checkpoint: no pull started over from the beginning.
      expect(pulledFrom.slice(pullsBefore).every((seq) => seq >= 3)).toBe(true);
      expect(await db.conflicts.find().exec()).toEqual([]);
      // Events v0 -> v1 (kinds added): the history recorded before the upgrade is kept as it was.
      expect((await db.ticket_events.findOne('e-before').exec())?.body).toBe('Kept');

      // The next start has nothing to migrate and reports nothing.
      await sync.cancel();
      await db.close();
      progress.length = 0;
      db = await open();
      expect(progress).toEqual([]);
      expect(await db.tickets.count().exec()).toBe(3);
    },
  );

  it('kb_articles v0 -> v1 (ratings, review date, views): keeps the articles, which read with no ratings and the default review date', async () => {
    const storage = getRxStorageMemory();
    const name = `kb-upgrade-${Date.now()}`;
    const { ratings: _r, reviewBy: _d, views: _v, ...properties } = kbArticleDefinition.schema.properties;
    const old = await createRxDatabase({ name, storage: wrappedValidateAjvStorage({ storage }), multiInstance: false });
    await old.addCollections({ kb_articles: { schema: { ...kbArticleDefinition.schema, version: 0, properties } } });
    const article = buildArticle({ id: 'kb-old', status: 'published' });
    await old.kb_articles.insert(article);
    await old.close();

    db = await createDeskDatabase({ name, storage, devMode: true, multiInstance: false });
    const migrated = (await db.kb_articles.findOne('kb-old').exec())?.toMutableJSON();
    expect(migrated).toEqual(article);
    expect(countRatings(migrated?.ratings)).toEqual({ helpful: 0, notHelpful: 0 });
    expect(effectiveReviewBy(migrated!)).toBe(defaultReviewBy(Number(article.updatedAt)));
    // The documents kept their shape, so the replication (and its checkpoint) carries on.
    expect(replicationIdentifier('http://sync.test', 'kb_articles')).toContain('schema-v0');
  });
});
