import type { Queryable, SqlParam } from '../database.js';
import { ticketCondition, type PullFilter } from './pull.js';

/** `filter` as an SQL condition on the ticket row `t` (params from `$first`); FALSE for "receives nothing". */
function visibility(filter: PullFilter | null, t: string, first: number): { sql: string; params: SqlParam[] } {
  if (filter === null) return { sql: 'FALSE', params: [] };
  if (filter.kind === 'all') return { sql: 'TRUE', params: [] };
  return ticketCondition(filter, t, first);
}

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
  const ticketScoped = [before, after].some((f) => f?.kind === 'tickets');
  const alias = collection === 'tickets' || !ticketScoped ? 'd' : 't';
  const now = visibility(after, alias, 2);
  const then = visibility(before, alias, 2 + now.params.length);
  const join = alias === 't' ? `JOIN sync_documents t ON t.collection = 'tickets' AND t.id = d.ticket_id` : '';
  const rows = await db.query<{ id: string }>(
    `SELECT d.id FROM sync_documents d ${join}
     WHERE d.collection = $1 AND NOT d.deleted AND (${now.sql}) AND NOT COALESCE((${then.sql}), FALSE)
     ORDER BY d.seq`,
    [collection, ...now.params, ...then.params],
  );
  return rows.map((r) => r.id);
}
