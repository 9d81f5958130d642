// eslint-disable-next-line no-restricted-imports -- runs in Node only: reads package.json to check the exact pin
import { readFileSync, readdirSync } from 'node:fs';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase, RxStorage, RxStorageInstanceCreationParams, RxStorageReplicationMeta } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DOWNSTREAM_CHECKPOINT_ITEM,
  DOWNSTREAM_META_WRITE_CONTEXT,
  LOADED_RXDB_VERSION,
  PINNED_RXDB_VERSION,
  dexieInternals,
  documentIdOfMetaRowId,
  downstreamWriteContext,
  firstDownstreamDone$,
  isReplicationMetaInstance,
  isRxdbOwnInstance,
  originalStorageInstance,
  replicationCheckpointKey,
  replicationMetaInstance,
} from './rxdb-internals.js';

// The contract between this project and RxDB's private behaviour. Every assertion names something the adapter in
// rxdb-internals.ts assumes; when an RxDB upgrade breaks one, this suite fails before the app misbehaves. Fix the
// adapter (and only it), then bump PINNED_RXDB_VERSION together with package.json.

interface Note {
  id: string;
  text: string;
}
const noteSchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 64 }, text: { type: 'string' } },
  required: ['id', 'text'],
} as const;

type Meta = RxStorageReplicationMeta<Note, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxStorage's own signature: options differ per storage
type AnyStorage = RxStorage<any, any>;

/** A storage that records every storage instance RxDB opens, and every write's context, per instance name. */
function recording(storage: AnyStorage) {
  const opened: string[] = [];
  const contexts = new Map<string, string[]>();
  const wrapped: AnyStorage = {
    ...storage,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
    async createStorageInstance<D>(params: RxStorageInstanceCreationParams<D, any>) {
      opened.push(params.collectionName);
      const inner = await storage.createStorageInstance(params);
      const original = inner.bulkWrite.bind(inner);
      inner.bulkWrite = (rows, context) => {
        contexts.set(params.collectionName, [...(contexts.get(params.collectionName) ?? []), context]);
        return original(rows, context);
      };
      return inner;
    },
  };
  return { storage: wrapped, opened, contexts };
}

let counter = 0;
const databases: RxDatabase[] = [];
const replications: RxReplicationState<Note, unknown>[] = [];

async function notesDb(storage: AnyStorage): Promise<RxCollection<Note>> {
  counter += 1;
  const db = await createRxDatabase({ name: `contract-${Date.now()}-${counter}`, storage, multiInstance: false });
  databases.push(db);
  const { notes } = await db.addCollections({ notes: { schema: noteSchema } });
  return notes as RxCollection<Note>;
}

/** A replication whose server holds `docs` once, then nothing (a push handler: without one RxDB stores no meta rows). */
function pullOnce(collection: RxCollection<Note>, identifier: string, docs: Note[]) {
  let served = false;
  const rs = replicateRxCollection<Note, number>({
    collection,
    replicationIdentifier: identifier,
    live: false,
    pull: {
      handler: async () => {
        const documents = served ? [] : docs.map((d) => ({ ...d, _deleted: false }));
        served = true;
        return Promise.resolve({ documents, checkpoint: 1 });
      },
    },
    push: { handler: async () => Promise.resolve([]) },
  });
  replications.push(rs as unknown as RxReplicationState<Note, unknown>);
  return rs;
}

afterEach(async () => {
  for (const rs of replications.splice(0)) await rs.cancel();
  for (const db of databases.splice(0)) await db.remove();
});

describe('RxDB internals adapter contract', () => {
  it('runs against the pinned RxDB version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const declared = pkg.dependencies?.rxdb ?? pkg.devDependencies?.rxdb;
    // An exact pin: a caret or tilde range would let an install move RxDB under the adapter.
    expect(declared).toBe(PINNED_RXDB_VERSION);
    expect(LOADED_RXDB_VERSION).toBe(PINNED_RXDB_VERSION);
  });

  it('names, keys and write contexts of the replication meta instance are the ones RxDB uses', async () => {
    const rec = recording(getRxStorageMemory());
    const notes = await notesDb(rec.storage);
    const identifier = 'contract-notes';
    const expected = await replicationMetaInstance(notes, identifier);
    expect(isReplicationMetaInstance(expected.collectionName)).toBe(true);

    const rs = pullOnce(notes, identifier, [{ id: 'n-1', text: 'pulled' }]);
    await rs.awaitInitialReplication();

    // RxDB opened the meta instance under the adapter's name, and it is one of RxDB's own instances.
    expect(rec.opened).toContain(expected.collectionName);
    for (const name of rec.opened.filter((n) => n !== 'notes')) expect(isRxdbOwnInstance(name), name).toBe(true);
    expect(isRxdbOwnInstance('notes')).toBe(false);

    // The downstream wrote the pulled document with the adapter's context, and its meta row with the adapter's one.
    const checkpointKey = await replicationCheckpointKey(notes, identifier);
    expect(rec.contexts.get('notes')).toContain(downstreamWriteContext(checkpointKey));
    expect(rec.contexts.get(expected.collectionName)).toContain(DOWNSTREAM_META_WRITE_CONTEXT);

    // The meta rows: `<id>|0` per document (docData = the server state), and a `down` checkpoint row.
    const meta = await rec.storage.createStorageInstance<Meta>({
      databaseName: notes.database.name,
      collectionName: expected.collectionName,
      databaseInstanceToken: notes.database.token,
      multiInstance: false,
      options: {},
      schema: expected.schema,
      devMode: false,
    });
    const ids = ['n-1|0', `${DOWNSTREAM_CHECKPOINT_ITEM}|1`];
    const rows = await meta.findDocumentsById(ids, false);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    const docRow = rows.find((r) => r.isCheckpoint === '0')!;
    expect(documentIdOfMetaRowId(docRow.id)).toBe('n-1');
    expect(docRow.itemId).toBe('n-1');
    expect(docRow.docData).toMatchObject({ id: 'n-1', text: 'pulled' });
    expect(documentIdOfMetaRowId(`${DOWNSTREAM_CHECKPOINT_ITEM}|1`)).toBeNull();
    // RxDB's revisions carry the checkpoint key as their token (the bootstrap writes meta rows the same way).
    expect(docRow._rev.split('-')[1]).toBe(checkpointKey);
    await meta.close();
  });

  it('the internal first-downstream flag turns true after the first pull', async () => {
    const notes = await notesDb(getRxStorageMemory());
    const rs = pullOnce(notes, 'contract-flag', [{ id: 'n-2', text: 'x' }]);
    expect(firstDownstreamDone$(rs)).toBeNull(); // not started yet: no internal state
    await rs.start();
    const down$ = firstDownstreamDone$(rs);
    expect(down$).not.toBeNull();
    await expect(firstValueFrom(down$!.pipe(filter(Boolean)))).resolves.toBe(true);
    expect(await notes.findOne('n-2').exec()).not.toBeNull();
  });

  it('reaches the Dexie table below the wrappers, and only on Dexie', async () => {
    const notes = await notesDb(getRxStorageDexie({ indexedDB, IDBKeyRange }));
    await notes.insert({ id: 'n-3', text: 'dexie' });
    const dexie = await dexieInternals(originalStorageInstance(notes));
    expect(dexie).not.toBeNull();
    expect(Array.isArray(dexie!.booleanIndexes)).toBe(true);
    expect(await dexie!.dexieTable.count()).toBe(1);

    const memory = await notesDb(getRxStorageMemory());
    expect(await dexieInternals(originalStorageInstance(memory))).toBeNull();
  });

  it('no production file but the adapter reaches into RxDB internals', () => {
    const root = new URL('../', import.meta.url); // renderer/src
    const files = (readdirSync(root, { recursive: true }) as string[]).filter(
      (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('testing/') && !f.endsWith('rxdb-internals.ts'),
    );
    const internal =
      /internalReplicationState|rx-replication-meta-|'replication-downstream-|replication-up-write-conflict|replication-down-write-meta|\.internals\b|\.originalStorageInstance/;
    const offenders = files.filter((f) => internal.test(readFileSync(new URL(f, root), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
