import type { Ticket } from '@shared';
import { Dexie } from 'dexie';
import type { RxCollection } from 'rxdb';
import { fromDexieToStorage } from 'rxdb/plugins/storage-dexie';
import { dexieInternals, originalStorageInstance } from '../rxdb-internals.js';

/** The storage index the queue is read through: RxDB prefixes `_deleted` and suffixes the primary key. */
const QUEUE_INDEX = ['_deleted', 'queueKey', 'id'];

/**
 * Up to `limit` stored tickets with `queueKey >= from`, in queue order. On Dexie this is one IndexedDB getAll on the
 * queue index: RxDB's own query walks a cursor, one IndexedDB request per document, which kept the first screen of a
 * 100,000-ticket queue waiting about a second. Other storages (Node tests, dev mode's validating wrapper) use the
 * RxDB query.
 */
export async function readQueuePage(collection: RxCollection<Ticket>, from: number, limit: number): Promise<Ticket[]> {
  const indexed = collection.schema.indexes.some((index) => index.join('+') === QUEUE_INDEX.join('+'));
  const dexie = indexed ? await dexieInternals(originalStorageInstance(collection)) : null;
  if (dexie) {
    const { dexieTable, booleanIndexes } = dexie;
    // `_deleted` is a boolean index, which Dexie stores as '0' / '1'.
    const rows = (await dexieTable
      .where(`[${QUEUE_INDEX.join('+')}]`)
      .between(['0', from, Dexie.minKey], ['0', Dexie.maxKey, Dexie.maxKey], true, true)
      .limit(limit)
      .toArray()) as unknown[];
    return rows.map((row) => fromDexieToStorage<Ticket>(booleanIndexes, row));
  }
  const query = collection.find({ selector: from < 0 ? {} : { queueKey: { $gte: from } }, sort: [{ queueKey: 'asc' }], limit });
  return (await collection.storageInstance.query(query.getPreparedQuery())).documents;
}
