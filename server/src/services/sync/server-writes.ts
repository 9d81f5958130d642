import type { ReplicatedCollection } from '@shared';
import type { Transaction } from '../../db/database.js';
import { upsertDocuments } from '../../db/queries/documents.js';
import { notifyChange, reserveSequence } from '../../db/queries/sequence.js';
import type { SyncDocument } from './document-validation.js';
import { withoutDeleted } from './stored-document.js';

/**
 * Writes documents the server itself produces (derived records, server-assigned values) with fresh sequence
 * numbers in the caller's transaction, so they replicate like any pushed change. Validate them first. Returns the
 * last sequence number used (0 when there was nothing to write).
 */
export async function writeServerDocuments(
  tx: Transaction,
  collection: ReplicatedCollection,
  docs: readonly SyncDocument[],
): Promise<number> {
  if (docs.length === 0) return 0;
  const last = await reserveSequence(tx, docs.length);
  let seq = last - docs.length;
  await upsertDocuments(
    tx,
    collection,
    docs.map((doc) => ({ id: doc.id, seq: ++seq, data: withoutDeleted(doc), deleted: doc._deleted })),
  );
  await notifyChange(tx, collection, last);
  return last;
}
