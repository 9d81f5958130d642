import { SCOPE_EXIT_COLLECTIONS, scopeExitMarker, type Actor, type PullResponse, type ReplicatedCollection } from '@shared';
import type { Queryable } from '../../db/database.js';
import { pullDocuments } from '../../db/queries/pull.js';
import type { SyncDocument } from './document-validation.js';
import { pullFilterFor } from './pull-filter.js';
import { toSyncDocument } from './stored-document.js';

/**
 * Documents committed after `checkpoint` that the actor may see, oldest first, and, in their place, a scopeExitMarker
 * for each ticket-scoped document that left the actor's scope since (issue 15, item 9: the device removes its copy).
 * A first pull (no checkpoint) has nothing to remove. The checkpoint returned is the last document's sequence number,
 * or the one given when nothing is new (null when none was given).
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
  const exits = checkpoint && SCOPE_EXIT_COLLECTIONS.includes(collection) ? { userId: actor.id } : undefined;
  const rows = await pullDocuments(db, collection, checkpoint ?? 0, limit, filter, exits);
  if (rows.length === 0) return { documents: [], checkpoint: given };
  const documents = rows.map((row) =>
    row.visible
      ? toSyncDocument(row)
      : (scopeExitMarker(collection, {
          id: row.id,
          ticketId: row.ticketId ?? undefined,
          ciId: row.ciId ?? undefined,
        }) as SyncDocument),
  );
  return { documents, checkpoint: { seq: rows[rows.length - 1].seq } };
}
