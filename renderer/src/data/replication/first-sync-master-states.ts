import { getComposedPrimaryKeyOfDocumentData, getPrimaryFieldOfPrimaryKey } from 'rxdb';
import type {
  BulkWriteRow,
  RxCollection,
  RxDocumentData,
  RxJsonSchema,
  RxStorage,
  RxStorageInstance,
  RxStorageInstanceCreationParams,
  RxStorageReplicationMeta,
} from 'rxdb';
import type { PlainDoc } from '../types.js';
import {
  documentIdOfMetaRowId,
  isReplicationMetaInstance,
  isRxdbOwnInstance,
  replicationMetaInstance,
} from '../rxdb-internals.js';

// A storage wrapper that lets the first sync skip half of its writes.
//
// RxDB's replication keeps, for every replicated document, a meta row holding the server state it last saw (the
// "assumed master state"): the upstream pushes a local change against it and the downstream knows from it whether a
// document changed locally. The first-sync bootstrap stores every pulled document with the revision FIRST_SYNC_REV
// and writes no meta row for it. While a document keeps that revision it is exactly the server state pulled, so
// its meta row would be the document itself, and this wrapper answers it so: a meta read that finds no row for such
// a document is answered from the document, and any write that changes such a document first stores its meta row.
// Only the bootstrap writes FIRST_SYNC_REV (RxDB's own revisions are `<height>-<token>` with a random token).

/** The revision of a document stored by the first-sync bootstrap and not changed since. */
export const FIRST_SYNC_REV = '1-firstsync';

type MetaDoc = RxDocumentData<RxStorageReplicationMeta<PlainDoc, unknown>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- internals and options differ per storage; any storage will do
type AnyInstance = RxStorageInstance<any, any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
type AnyStorage = RxStorage<any, any>;

/** The storage instance RxDB's replication keeps its meta rows in, for one collection and replication. */
export interface MetaInstanceParams {
  collectionName: string;
  schema: RxJsonSchema<MetaDoc>;
}

/** The meta instance RxDB's replication of `collection` under `replicationIdentifier` uses (see rxdb plugins/replication). */
export async function metaInstanceParams(collection: RxCollection, replicationIdentifier: string): Promise<MetaInstanceParams> {
  const { collectionName, schema } = await replicationMetaInstance(collection, replicationIdentifier);
  return { collectionName, schema: schema as unknown as RxJsonSchema<MetaDoc> };
}

const key = (databaseName: string, collectionName: string) => `${databaseName}\u0000${collectionName}`;

/** Per database and replicated collection: its meta instance, once a replication of it was set up in this page. */
const links = new Map<string, { params: Promise<MetaInstanceParams>; resolve: (p: MetaInstanceParams) => void }>();
/** Per database and meta instance: the replicated collection it belongs to. */
const collectionOfMeta = new Map<string, string>();
/**
 * Per database, collection and schema version: its open storage instance, unwrapped. A schema migration opens the
 * old version's instance beside the new one; a meta instance has the schema version of its collection.
 */
const openCollections = new Map<string, AnyInstance>();
const versionKey = (databaseName: string, collectionName: string, version: number) =>
  `${key(databaseName, collectionName)}\u0000${version}`;

function linkEntry(databaseName: string, collectionName: string) {
  const k = key(databaseName, collectionName);
  let entry = links.get(k);
  if (!entry) {
    let resolve: (p: MetaInstanceParams) => void = () => undefined;
    const params = new Promise<MetaInstanceParams>((r) => (resolve = r));
    entry = { params, resolve };
    links.set(k, entry);
  }
  return entry;
}

/**
 * Tells the wrapper which meta instance the replication of `collection` uses. Called when a replication is set up,
 * before it or the bootstrap reads any meta row; a write waiting to store a meta row waits for it.
 */
export async function linkMetaInstance(collection: RxCollection, replicationIdentifier: string): Promise<MetaInstanceParams> {
  const params = await metaInstanceParams(collection, replicationIdentifier);
  const databaseName = collection.database.name;
  collectionOfMeta.set(key(databaseName, params.collectionName), collection.name);
  linkEntry(databaseName, collection.name).resolve(params);
  return params;
}

/** The meta row saying the server state of `doc` is `doc` as stored. Deterministic: every reader builds the same row. */
function masterStateRow(schema: RxJsonSchema<MetaDoc>, doc: RxDocumentData<PlainDoc>, primaryPath: string): MetaDoc {
  const { _meta, _rev: _, _attachments: __, ...docData } = doc;
  const itemId = String(doc[primaryPath]);
  return {
    id: getComposedPrimaryKeyOfDocumentData(schema, { itemId, isCheckpoint: '0' }),
    isCheckpoint: '0',
    itemId,
    docData: docData,
    _deleted: false,
    _attachments: {},
    _meta: { lwt: _meta.lwt },
    _rev: FIRST_SYNC_REV,
  };
}

/** How long a write to a first-synced document waits for its collection's replication to be set up. */
const LINK_WAIT_MS = 30_000;

function waitForLink(databaseName: string, collectionName: string): Promise<MetaInstanceParams> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The ${collectionName} replication was not set up: the change was not saved. Reload and retry.`)),
      LINK_WAIT_MS,
    );
    linkEntry(databaseName, collectionName).params.then((params) => {
      clearTimeout(timer);
      resolve(params);
    }, reject);
  });
}

/** A storage instance behaving as `inner` except for the given methods. */
function overriding<T extends AnyInstance>(inner: T, overrides: Partial<AnyInstance>): T {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (Object.prototype.hasOwnProperty.call(overrides, prop)) return overrides[prop as keyof AnyInstance];
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A replicated collection's instance: a write changing a first-synced document stores its meta row first. */
function collectionInstance(storage: AnyStorage, params: RxStorageInstanceCreationParams<PlainDoc, unknown>, inner: AnyInstance) {
  const { databaseName, collectionName } = params;
  const primaryPath = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey);
  let meta: Promise<AnyInstance> | null = null;
  const openMeta = async (): Promise<AnyInstance> => {
    const link = await waitForLink(databaseName, collectionName);
    return storage.createStorageInstance({ ...params, collectionName: link.collectionName, schema: link.schema });
  };
  const storeMasterStates = async (docs: RxDocumentData<PlainDoc>[]) => {
    meta ??= openMeta();
    const instance = await meta.catch((err: unknown) => {
      meta = null;
      throw err;
    });
    const rows = docs.map((doc) => masterStateRow(instance.schema as RxJsonSchema<MetaDoc>, doc, primaryPath));
    const stored = new Set(
      (
        (await instance.findDocumentsById(
          rows.map((r) => r.id),
          true,
        )) as MetaDoc[]
      ).map((d) => d.id),
    );
    const missing = rows.filter((r) => !stored.has(r.id)).map((document): BulkWriteRow<MetaDoc> => ({ document }));
    if (missing.length === 0) return;
    const result = await instance.bulkWrite(missing, 'first-sync-master-state');
    // A 409 means the replication stored this row meanwhile, from a newer server state: it stands.
    const failed = result.error.find((e: { status: number }) => e.status !== 409);
    if (failed) throw new Error(`Could not save replication state (status ${String(failed.status)}).`);
  };
  const openKey = versionKey(databaseName, collectionName, params.schema.version);
  const release = async () => {
    if (openCollections.get(openKey) === inner) openCollections.delete(openKey);
    const m = meta;
    meta = null;
    if (m) await (await m.catch(() => null))?.close();
  };
  openCollections.set(openKey, inner);
  return overriding(inner, {
    async bulkWrite(rows: BulkWriteRow<PlainDoc>[], context: string) {
      const firstSynced = rows.flatMap((row) => (row.previous?._rev === FIRST_SYNC_REV ? [row.previous] : []));
      if (firstSynced.length > 0) await storeMasterStates(firstSynced);
      return inner.bulkWrite(rows, context);
    },
    async close() {
      await release();
      return inner.close();
    },
    async remove() {
      await release();
      return inner.remove();
    },
  });
}

/** A meta instance: a missing meta row of a first-synced document is answered from the document. */
function metaInstance(params: RxStorageInstanceCreationParams<MetaDoc, unknown>, inner: AnyInstance) {
  const { databaseName } = params;
  return overriding(inner, {
    async findDocumentsById(ids: string[], withDeleted: boolean) {
      const found = (await inner.findDocumentsById(ids, withDeleted)) as MetaDoc[];
      const collectionName = collectionOfMeta.get(key(databaseName, params.collectionName));
      const collection = collectionName
        ? openCollections.get(versionKey(databaseName, collectionName, params.schema.version))
        : undefined;
      if (!collection || found.length === ids.length) return found;
      const have = new Set(found.map((d) => d.id));
      // Checkpoint rows are never answered.
      const itemIds = ids.flatMap((id) => {
        const itemId = have.has(id) ? null : documentIdOfMetaRowId(id);
        return itemId === null ? [] : [itemId];
      });
      if (itemIds.length === 0) return found;
      const primaryPath = getPrimaryFieldOfPrimaryKey(collection.schema.primaryKey);
      const docs = (await collection.findDocumentsById(itemIds, true)) as RxDocumentData<PlainDoc>[];
      const answered = docs
        .filter((doc) => doc._rev === FIRST_SYNC_REV)
        .map((doc) => masterStateRow(inner.schema as RxJsonSchema<MetaDoc>, doc, primaryPath));
      return [...found, ...answered];
    },
  });
}

/** Wraps a storage so that the first sync's documents need no meta rows (see the top of this file). */
export function withFirstSyncMasterStates(storage: AnyStorage): AnyStorage {
  return {
    ...storage,
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxStorage's signature: options differ per storage
    async createStorageInstance<RxDocType>(given: RxStorageInstanceCreationParams<RxDocType, any>) {
      const params = given as unknown as RxStorageInstanceCreationParams<PlainDoc, unknown>;
      const inner = (await storage.createStorageInstance(params)) as AnyInstance;
      if (isReplicationMetaInstance(params.collectionName))
        return metaInstance(params as unknown as RxStorageInstanceCreationParams<MetaDoc, unknown>, inner);
      // RxDB's own instances (_rxdb_internal, rx-migration-*) never hold first-synced documents.
      if (isRxdbOwnInstance(params.collectionName)) return inner;
      return collectionInstance(storage, params, inner);
    },
  };
}
