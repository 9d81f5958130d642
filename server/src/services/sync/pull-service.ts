import type { Actor, PullResponse, ReplicatedCollection } from '@shared';
import type { Queryable } from '../../db/database.js';
import { pullDocuments } from '../../db/queries/pull.js';
import type { SyncDocument } from './document-validation.js';
import { pullFilterFor } from './pull-filter.js';
import { toSyncDocument } from './stored-document.js';

/**
 * Documents committed after `checkpoint` that the actor may see, oldest first. The checkpoint returned is the
 * last document's sequence number, or the one given when nothing is new (null when none was given).
 */
export async function pullChanges(
  db: Queryable,
  actor: Actor,
  collection: ReplicatedCollection,
  checkpoint: number | null,
  limit: number,
): Promise<PullResponse<SyncDocument>> {
  const given = checkpoint === null ? null : { seq: checkpoint };
  const filter = pullFilterFor(actor, collection);
  if (!filter) return { documents: [], checkpoint: given };
  const rows = await pullDocuments(db, collection, checkpoint ?? 0, limit, filter);
  if (rows.length === 0) return { documents: [], checkpoint: given };
  return { documents: rows.map(toSyncDocument), checkpoint: { seq: rows[rows.length - 1].seq } };
}
