import { createRevision, getComposedPrimaryKeyOfDocumentData, now, overwritable } from 'rxdb';
import type {
  BulkWriteRow,
  RxCollection,
  RxDocumentData,
  RxStorageBulkWriteResponse,
  RxStorageInstance,
  RxStorageReplicationMeta,
  WithDeleted,
} from 'rxdb';
import { fromStorageToDexie } from 'rxdb/plugins/storage-dexie';
import { Dexie } from 'dexie';
import type { PlainDoc } from '../types.js';
import {
  DOWNSTREAM_CHECKPOINT_ITEM,
  DOWNSTREAM_META_WRITE_CONTEXT,
  dexieInternals,
  downstreamWriteContext,
  replicationCheckpointKey,
} from '../rxdb-internals.js';
import { linkMetaInstance } from './first-sync-master-states.js';

type MetaDoc = RxDocumentData<RxStorageReplicationMeta<PlainDoc, unknown>>;
type MetaRow = BulkWriteRow<RxStorageReplicationMeta<PlainDoc, unknown>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- internals and options differ per storage; any storage will do
type MetaInstance = RxStorageInstance<RxStorageReplicationMeta<PlainDoc, unknown>, any, any, any>;

/** Where the first-sync bootstrap stands, kept in the meta instance so an interrupted one resumes where it was. */
export interface BootstrapMarker {
  /** Server checkpoint up to which every pulled document is stored locally with its meta row. */
  seq: number;
  /** The bootstrap is over: the normal replication takes over from `seq`. */
  done: boolean;
  /** The fork checkpoint the upstream may start from (set only when nothing but the bootstrap wrote meanwhile). */
  up?: { id: string; lwt: number };
}

/**
 * The replication meta instance of one collection's RxDB replication, opened ahead of `replicateRxCollection`, with
 * what RxDB derives from the replication identifier (through the adapter in ../rxdb-internals.ts).
 */
export class ReplicationMeta {
  private constructor(
    readonly instance: MetaInstance,
    /** The context RxDB's downstream writes pulled documents with; the upstream never pushes writes made with it. */
    readonly downstreamContext: string,
    private readonly checkpointKey: string,
  ) {}

  static async open(collection: RxCollection, replicationIdentifier: string): Promise<ReplicationMeta> {
    const db = collection.database;
    const { collectionName, schema } = await linkMetaInstance(collection, replicationIdentifier);
    const instance = (await db.storage.createStorageInstance({
      databaseName: db.name,
      collectionName,
      databaseInstanceToken: db.token,
      multiInstance: db.multiInstance,
      options: {},
      schema,
      // RxDB types the password as any (storages may take other kinds); the meta instance uses the database's.
      password: db.password as unknown,
      devMode: overwritable.isDevMode(),
    })) as MetaInstance;
    const checkpointKey = await replicationCheckpointKey(collection, replicationIdentifier);
    return new ReplicationMeta(instance, downstreamWriteContext(checkpointKey), checkpointKey);
  }

  private id(itemId: string, isCheckpoint: '0' | '1'): string {
    return getComposedPrimaryKeyOfDocumentData(this.instance.schema, { itemId, isCheckpoint });
  }

  /** True once RxDB stored a downstream checkpoint: the collection synced before. */
  async hasDownstreamCheckpoint(): Promise<boolean> {
    return (await this.instance.findDocumentsById([this.id(DOWNSTREAM_CHECKPOINT_ITEM, '1')], false)).length > 0;
  }

  async readMarker(): Promise<{ marker: BootstrapMarker; doc: MetaDoc } | null> {
    const [doc] = await this.instance.findDocumentsById([this.id('boot', '1')], false);
    return doc ? { marker: doc.checkpointData as BootstrapMarker, doc } : null;
  }

  async writeMarker(marker: BootstrapMarker, previous: MetaDoc | undefined): Promise<MetaDoc> {
    const document: MetaDoc = {
      id: this.id('boot', '1'),
      isCheckpoint: '1',
      itemId: 'boot',
      checkpointData: marker,
      _deleted: false,
      _attachments: {},
      _meta: { lwt: now() },
      _rev: createRevision(this.checkpointKey, previous),
    };
    const result = await this.instance.bulkWrite([{ previous, document }], 'first-sync-bootstrap-marker');
    if (result.error.length > 0) throw new Error(`Could not save the first sync progress (status ${result.error[0].status}).`);
    return document;
  }

  /**
   * Records the server state of documents now stored locally as they are (what RxDB's downstream writes after a
   * pull): the upstream compares local states with these and pushes only what differs.
   */
  async writeMasterStates(docs: WithDeleted<PlainDoc>[], primaryKey: string): Promise<void> {
    const lwt = now();
    const rows: MetaRow[] = docs.map((docData) => {
      const itemId = String(docData[primaryKey]);
      const document: MetaDoc = {
        id: this.id(itemId, '0'),
        isCheckpoint: '0',
        itemId,
        docData,
        _deleted: false,
        _attachments: {},
        _meta: { lwt },
        _rev: createRevision(this.checkpointKey, undefined),
      };
      return { document };
    });
    const result = await this.insert(rows);
    // A row already there (a bootstrap interrupted between its two writes, then resumed) is replaced.
    const retry = result.error.map((err) => {
      if (err.status !== 409 || !err.documentInDb) throw new Error(`Could not save replication state (status ${err.status}).`);
      const previous = err.documentInDb;
      return { previous, document: { ...err.writeRow.document, _rev: createRevision(this.checkpointKey, previous) } };
    });
    if (retry.length > 0) {
      const again = await this.instance.bulkWrite(retry, DOWNSTREAM_META_WRITE_CONTEXT);
      if (again.error.length > 0) throw new Error(`Could not save replication state (status ${again.error[0].status}).`);
    }
  }

  /**
   * Inserts new meta rows. On Dexie they are added to the instance's table directly: nothing else reads this instance
   * while the bootstrap runs (RxDB opens it afterwards and keeps no copy), and the storage's bulkWrite would first read
   * every row back to check for a conflict (about a fifth of the bootstrap time in Chromium). Rows already there are reported as
   * bulkWrite reports them.
   */
  private async insert(rows: MetaRow[]): Promise<RxStorageBulkWriteResponse<RxStorageReplicationMeta<PlainDoc, unknown>>> {
    const dexie = await dexieInternals(this.instance);
    if (!dexie) return this.instance.bulkWrite(rows, DOWNSTREAM_META_WRITE_CONTEXT);
    const { dexieTable, booleanIndexes } = dexie;
    try {
      await dexieTable.bulkAdd(rows.map((row): unknown => fromStorageToDexie(booleanIndexes, row.document)));
      return { error: [] };
    } catch (err) {
      if (!(err instanceof Dexie.BulkError)) throw err;
      const existing = rows.filter((_, pos) => err.failuresByPos[pos]?.name === Dexie.errnames.Constraint);
      if (existing.length < Object.keys(err.failuresByPos).length) throw err;
      return this.instance.bulkWrite(existing, DOWNSTREAM_META_WRITE_CONTEXT);
    }
  }

  close(): Promise<void> {
    return this.instance.close();
  }
}
