import type { Queryable, SqlParam } from '../database.js';
import { visibleCiIdsSql } from './config-items.js';
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
    }
  /** Configuration items (or their history) a technician of these groups sees: `visibleCiIdsSql`. */
  | { kind: 'cis'; groupIds: readonly string[] };

interface Row {
  id: string;
  seq: string | number;
  data: Record<string, unknown>;
  deleted: boolean;
}

/** SQL condition on the ticket row aliased `t`, with its parameters starting at `$first`. */
function ticketCondition(
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

/** Joins a ticket-scoped row (`d.ticket_id`: events, survey responses) to its ticket `t`, whose columns decide. */
const TICKET_JOIN = `JOIN sync_documents t ON t.collection = 'tickets' AND t.id = d.ticket_id`;

/**
 * Whether a row `d` of `collection` is visible under each of `filters`, as one SQL condition per filter (TRUE for
 * everything, FALSE for null: nothing), parameters numbered from `$first`; `join` goes after `FROM sync_documents d`.
 */
export function visibilityConditions(
  collection: string,
  filters: readonly (PullFilter | null)[],
  first: number,
): { join: string; conditions: string[]; params: SqlParam[] } {
  const isTickets = collection === 'tickets';
  const params: SqlParam[] = [];
  const conditions = filters.map((filter) => {
    if (filter === null) return 'FALSE';
    if (filter.kind === 'all') return 'TRUE';
    if (filter.kind === 'cis') {
      params.push(JSON.stringify(filter.groupIds));
      const ciId = collection === 'ci_history' ? `d.data->>'ciId'` : 'd.id';
      return `${ciId} IN (${visibleCiIdsSql(`$${first + params.length - 1}`)})`;
    }
    const condition = ticketCondition(filter, isTickets ? 'd' : 't', first + params.length);
    params.push(...condition.params);
    return condition.sql;
  });
  const joined = !isTickets && filters.some((filter) => filter?.kind === 'tickets');
  return { join: joined ? TICKET_JOIN : '', conditions, params };
}

/** A pulled row: `visible` false marks a document that left the user's scope (send its scopeExitMarker instead). */
export interface PulledRow extends StoredDocument {
  visible: boolean;
  ticketId: string | null;
  /** The configuration item a history entry belongs to. */
  ciId: string | null;
}

/**
 * Documents of a collection changed after `afterSeq`, in sequence order, visible under `filter`. With `leftScopeOf`
 * (a user), also the documents that left that user's scope after `afterSeq`, marked not visible (scope_exits: the
 * user could see a ticket's old scope, or lost the ticket or configuration item by name).
 */
export async function pullDocuments(
  db: Queryable,
  collection: string,
  afterSeq: number,
  limit: number,
  filter: PullFilter,
  leftScopeOf?: { userId: string },
): Promise<PulledRow[]> {
  const { join, conditions, params } = visibilityConditions(collection, [filter], 4);
  const visible = conditions[0];
  let exited = 'FALSE';
  if (leftScopeOf && (filter.kind === 'tickets' || filter.kind === 'cis')) {
    params.push(leftScopeOf.userId);
    const userParam = `$${3 + params.length}`;
    if (filter.kind === 'tickets') {
      // The ticket's own exit: the user could see its old scope, or lost it by name.
      const ticketId = collection === 'tickets' ? 'd.id' : 'd.ticket_id';
      const before = ticketCondition(filter, 'e', 4 + params.length);
      params.push(...before.params);
      exited = `EXISTS (SELECT 1 FROM scope_exits e WHERE e.collection = 'tickets' AND e.doc_id = ${ticketId}
        AND e.seq > $2 AND (e.user_id = ${userParam} OR (e.user_id IS NULL AND ${before.sql})))`;
    } else {
      // A configuration item (or its history) the user lost with a group, or one of their groups lost.
      const ciId = collection === 'ci_history' ? `d.data->>'ciId'` : 'd.id';
      params.push(JSON.stringify(filter.groupIds));
      const groupsParam = `$${3 + params.length}`;
      exited = `EXISTS (SELECT 1 FROM scope_exits e WHERE e.collection = 'config_items' AND e.doc_id = ${ciId}
        AND e.seq > $2 AND (e.user_id = ${userParam} OR (e.user_id IS NULL AND ${groupsParam}::jsonb ? e.group_id)))`;
    }
  }
  const rows = await db.query<Row & { visible: boolean; ticket_id: string | null; ci_id: string | null }>(
    `SELECT d.id, d.seq, d.data, d.deleted, d.ticket_id, d.data->>'ciId' AS ci_id, (${visible}) AS visible
     FROM sync_documents d ${join}
     WHERE d.collection = $1 AND d.seq > $2 AND ((${visible}) OR ${exited}) ORDER BY d.seq LIMIT $3`,
    [collection, afterSeq, limit, ...params],
  );
  return rows.map((row) => ({
    id: row.id,
    seq: Number(row.seq),
    data: row.data,
    deleted: row.deleted,
    visible: row.visible,
    ticketId: row.ticket_id,
    ciId: row.ci_id,
  }));
}

/** Which of `ids` (documents of `collection`) are visible under `filter` now. */
export async function visibleDocumentIds(
  db: Queryable,
  collection: string,
  ids: readonly string[],
  filter: PullFilter,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { join, conditions, params } = visibilityConditions(collection, [filter], 3);
  const rows = await db.query<{ id: string }>(
    `SELECT d.id FROM sync_documents d ${join} WHERE d.collection = $1 AND d.id IN (SELECT jsonb_array_elements_text($2::jsonb))
       AND (${conditions[0]})`,
    [collection, JSON.stringify(ids), ...params],
  );
  return new Set(rows.map((row) => row.id));
}
