import { SCOPE_EXIT_COLLECTIONS, scopeExitMarkerOf, type Actor, type ReplicatedCollection } from '@shared';
import type { Queryable } from '../../db/database.js';
import { visibleDocumentIds } from '../../db/queries/pull.js';
import type { SyncDocument } from './document-validation.js';
import { pullFilterFor } from './pull-filter.js';

/**
 * Scope-exit markers for the `unchanged` rows of a push (retries of writes that landed, whose answer was lost) that
 * the actor can no longer see. The pull told the device to remove them while the write was still unacknowledged,
 * and RxDB ignores a pulled state for a document with a pending local write, so the device would keep them for
 * good. Answered as the server state, the marker removes them as the pull would have.
 */
export async function markersForRetriesOutOfScope(
  db: Queryable,
  actor: Actor,
  collection: ReplicatedCollection,
  unchanged: readonly SyncDocument[],
): Promise<SyncDocument[]> {
  if (unchanged.length === 0 || !SCOPE_EXIT_COLLECTIONS.includes(collection)) return [];
  // A collection the actor never pulls sends their devices nothing, markers included: their copies are their own.
  const filter = pullFilterFor(actor, collection);
  if (!filter) return [];
  const visible = await visibleDocumentIds(
    db,
    collection,
    unchanged.map((doc) => doc.id),
    filter,
  );
  return unchanged.filter((doc) => !visible.has(doc.id)).map((doc) => scopeExitMarkerOf(collection, doc) as SyncDocument);
}
