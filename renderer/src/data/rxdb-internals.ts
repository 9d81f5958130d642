import { RXDB_VERSION, getCheckpointKey, getRxReplicationMetaInstanceSchema, hasEncryption } from 'rxdb';
import type { RxCollection, WrappedRxStorageInstance } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';
import type { Observable } from 'rxjs';

// Every use of RxDB's private behaviour lives here, so an RxDB upgrade has one file to review and one contract test
// (rxdb-internals.contract.test.ts) that fails when RxDB stops doing what this file says. Each name below mirrors
// RxDB 17.6.0's source (plugins/replication/index.ts, replication-protocol/{index,checkpoint,downstream}.ts,
// rx-storage-helper.ts, plugins/storage-dexie). Code elsewhere imports these instead of spelling them out.

/** The RxDB version this adapter was written against; package.json pins exactly this one. */
export const PINNED_RXDB_VERSION = '17.6.0';

/** The RxDB version actually loaded (the contract test checks it equals PINNED_RXDB_VERSION). */
export const LOADED_RXDB_VERSION: string = RXDB_VERSION;

/** The prefix of the storage instance names RxDB's replication plugin keeps its meta rows in. */
export const REPLICATION_META_PREFIX = 'rx-replication-meta-';

/** The prefixes of RxDB's own storage instances (`_rxdb_internal`, `rx-replication-meta-*`, `rx-migration-*`). */
const RXDB_OWN_PREFIXES = ['_rxdb', 'rx-'];

/** True when `collectionName` is a storage instance holding RxDB replication meta rows. */
export function isReplicationMetaInstance(collectionName: string): boolean {
  return collectionName.startsWith(REPLICATION_META_PREFIX);
}

/** True when `collectionName` is one of RxDB's own storage instances rather than an app collection. */
export function isRxdbOwnInstance(collectionName: string): boolean {
  return RXDB_OWN_PREFIXES.some((prefix) => collectionName.startsWith(prefix));
}

/** The meta instance name and schema RxDB's replication of `collection` under `replicationIdentifier` uses. */
export async function replicationMetaInstance(collection: RxCollection, replicationIdentifier: string) {
  const hash = await collection.database.hashFunction([collection.name, replicationIdentifier].join('-'));
  return {
    collectionName: `${REPLICATION_META_PREFIX}${hash}`,
    schema: getRxReplicationMetaInstanceSchema(collection.schema.jsonSchema, hasEncryption(collection.schema.jsonSchema)),
  };
}

/** A meta row of a document is keyed `<itemId>|0`, a checkpoint row `<name>|1`; returns the document id or null. */
export function documentIdOfMetaRowId(metaRowId: string): string | null {
  return metaRowId.endsWith('|0') ? metaRowId.slice(0, -2) : null;
}

/** The itemId of the checkpoint row RxDB's downstream stores once it pulled. */
export const DOWNSTREAM_CHECKPOINT_ITEM = 'down';

/** The context RxDB's downstream writes the meta rows of pulled documents with. */
export const DOWNSTREAM_META_WRITE_CONTEXT = 'replication-down-write-meta';

/** The key RxDB derives from a replication (its revisions' token and the downstream's write context use it). */
export async function replicationCheckpointKey(collection: RxCollection, replicationIdentifier: string): Promise<string> {
  // getCheckpointKey reads these three fields of the replication input only; the plugin prefixes the identifier.
  const keyInput = {
    identifier: `rxdbreplication${replicationIdentifier}`,
    forkInstance: collection.storageInstance,
    hashFunction: collection.database.hashFunction,
  };
  return getCheckpointKey(keyInput as unknown as Parameters<typeof getCheckpointKey>[0]);
}

/** Context prefix RxDB puts on writes that came from the server (they never need pushing). */
export const DOWNSTREAM_CONTEXT_PREFIX = 'replication-downstream-';

/** Context RxDB uses when it writes a conflict resolution into the local store. */
export const CONFLICT_CONTEXT = 'replication-up-write-conflict';

/** The context RxDB's downstream writes pulled documents with (the upstream never pushes writes made with it). */
export function downstreamWriteContext(checkpointKey: string): string {
  return `${DOWNSTREAM_CONTEXT_PREFIX}${checkpointKey}`;
}

/**
 * Emits true once the replication's first downstream pass finished, or null when the replication never started.
 * Reads the internal `firstSyncDone.down` flag: RxDB's public awaitInitialReplication also waits for the upstream.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any document and checkpoint type will do
export function firstDownstreamDone$(rs: RxReplicationState<any, any>): Observable<boolean> | null {
  return rs.internalReplicationState?.firstSyncDone.down ?? null;
}

/** The storage instance below RxDB's wrappers (dev-mode validation, hooks) of a collection. */
export function originalStorageInstance<T>(
  collection: RxCollection<T>,
): WrappedRxStorageInstance<T, unknown, unknown>['originalStorageInstance'] {
  return (collection.storageInstance as WrappedRxStorageInstance<T, unknown, unknown>).originalStorageInstance;
}

/** The Dexie table and boolean-index list of a Dexie storage instance, or null for any other storage. */
export async function dexieInternals(instance: unknown) {
  if (!(instance instanceof RxStorageInstanceDexie)) return null;
  const { dexieTable, booleanIndexes } = await (instance as RxStorageInstanceDexie<unknown>).internals;
  return { dexieTable, booleanIndexes };
}

/**
 * Documents by id as stored, tombstones included: RxDB's queries skip deleted documents, but a deletion keeps the
 * document's last data (there is no cleanup plugin), so a ticket can still name the CI it linked.
 */
export async function findWithTombstones<T>(collection: RxCollection<T>, ids: string[]): Promise<(T & { _deleted: boolean })[]> {
  if (ids.length === 0) return [];
  return collection.storageInstance.findDocumentsById(ids, true);
}
