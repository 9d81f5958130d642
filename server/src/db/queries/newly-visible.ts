import type { Queryable } from '../database.js';
import { visibilityConditions, type PullFilter } from './pull.js';

/**
 * Ids of the live documents of `collection` a user receives under `after` but did not under `before`, in sequence
 * order: a pull checkpoint taken under `before` has already passed them.
 */
export async function newlyVisibleIds(
  db: Queryable,
  collection: string,
  before: PullFilter | null,
  after: PullFilter | null,
): Promise<string[]> {
  if (after === null || before?.kind === 'all') return [];
  const { join, conditions, params } = visibilityConditions(collection, [after, before], 2);
  const [now, then] = conditions;
  const rows = await db.query<{ id: string }>(
    `SELECT d.id FROM sync_documents d ${join}
     WHERE d.collection = $1 AND NOT d.deleted AND (${now}) AND NOT COALESCE((${then}), FALSE)
     ORDER BY d.seq`,
    [collection, ...params],
  );
  return rows.map((r) => r.id);
}
