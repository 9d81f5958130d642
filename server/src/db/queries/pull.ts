import type { Queryable, SqlParam } from '../database.js';
import type { StoredDocument } from './documents.js';

/**
 * Which rows a user receives, as SQL. `tickets` mirrors the shared `canSeeTicket`: security tickets only when
 * `seeSecurity`; with `restrictTo`, only tickets assigned to that user or to one of those groups; with
 * `assignedTo`, only tickets assigned to that user (the shared `isAssignedTicket`).
 */
export type PullFilter =
  | { kind: 'all' }
  | {
      kind: 'tickets';
      seeSecurity: boolean;
      restrictTo: { userId: string; groupIds: readonly string[] } | null;
      assignedTo?: string;
    };

interface Row {
  id: string;
  seq: string | number;
  data: Record<string, unknown>;
  deleted: boolean;
}

/** SQL condition on the ticket row aliased `t`, with its parameters starting at `$first`. */
export function ticketCondition(
  filter: Extract<PullFilter, { kind: 'tickets' }>,
  t: string,
  first: number,
): { sql: string; params: SqlParam[] } {
  const parts: string[] = [];
  const params: SqlParam[] = [];
  if (!filter.seeSecurity) parts.push(`${t}.security IS NOT TRUE`);
  if (filter.restrictTo) {
    params.push(filter.restrictTo.userId, JSON.stringify(filter.restrictTo.groupIds));
    parts.push(`(${t}.assignee_id = $${first} OR $${first + 1}::jsonb ? ${t}.group_id)`);
  }
  if (filter.assignedTo !== undefined) {
    params.push(filter.assignedTo);
    parts.push(`${t}.assignee_id = $${first + params.length - 1}`);
  }
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

/** Documents of a collection changed after `afterSeq`, in sequence order, visible under `filter`. */
export async function pullDocuments(
  db: Queryable,
  collection: string,
  afterSeq: number,
  limit: number,
  filter: PullFilter,
): Promise<StoredDocument[]> {
  const base: SqlParam[] = [collection, afterSeq, limit];
  let sql: string;
  let params: SqlParam[];
  if (filter.kind === 'all') {
    sql = `SELECT d.id, d.seq, d.data, d.deleted FROM sync_documents d
           WHERE d.collection = $1 AND d.seq > $2 ORDER BY d.seq LIMIT $3`;
    params = base;
  } else {
    const isTickets = collection === 'tickets';
    const condition = ticketCondition(filter, isTickets ? 'd' : 't', base.length + 1);
    params = [...base, ...condition.params];
    sql = isTickets
      ? `SELECT d.id, d.seq, d.data, d.deleted FROM sync_documents d
           WHERE d.collection = $1 AND d.seq > $2 AND ${condition.sql} ORDER BY d.seq LIMIT $3`
      : `SELECT d.id, d.seq, d.data, d.deleted FROM sync_documents d
           JOIN sync_documents t ON t.collection = 'tickets' AND t.id = d.ticket_id
           WHERE d.collection = $1 AND d.seq > $2 AND ${condition.sql} ORDER BY d.seq LIMIT $3`;
  }
  const rows = await db.query<Row>(sql, params);
  return rows.map((row) => ({ id: row.id, seq: Number(row.seq), data: row.data, deleted: row.deleted }));
}
