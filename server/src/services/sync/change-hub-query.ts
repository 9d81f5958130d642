import type { Queryable } from '../../db/database.js';
import { visibilityConditions, type PullFilter } from '../../db/queries/pull.js';
import type { TicketScope } from './pull-filter-match.js';

/** A scope exit (see `db/queries/scope-exits.ts`): who could see the document before, or the one user who lost it. */
export interface ExitRow {
  userId: string | null;
  scope: TicketScope;
}

/** A document committed in a notified range, with what decides who receives it. */
export interface ChangedDocument {
  id: string;
  /** The deciding ticket's scope; null when that ticket is not stored (the pull's join then drops the document). */
  ticketScope: TicketScope | null;
  /**
   * The scope exits of its ticket or configuration item recorded after the judged mark: a pull from there returns
   * the document as a removal to whoever they name (`pullDocuments`).
   */
  exits: ExitRow[];
}

interface ChangedRow {
  id: string;
  has_ticket: boolean;
  security: boolean | null;
  group_id: string | null;
  assignee_id: string | null;
  exits: { userId: string | null; security: boolean | null; groupId: string | null; assigneeId: string | null }[] | null;
}

/** Which scope exits apply to a collection's documents, and the column naming their ticket or item. */
function exitKey(collection: string): { kind: 'tickets' | 'config_items'; key: string } | null {
  if (collection === 'tickets' || collection === 'config_items') return { kind: collection, key: 'd.id' };
  if (collection === 'ticket_events' || collection === 'survey_responses') return { kind: 'tickets', key: 'd.ticket_id' };
  if (collection === 'ci_history') return { kind: 'config_items', key: `d.data->>'ciId'` };
  return null;
}

/**
 * The documents of `collection` with `after < seq <= upTo`, at most `limit`, in one query with their scope exits.
 * Commits happen in sequence order, so once the notification of `upTo` has arrived the range is complete; a document
 * changed again since lies past `upTo` and is judged with its own notification.
 */
export async function changedDocuments(
  db: Queryable,
  collection: string,
  after: number,
  upTo: number,
  limit: number,
): Promise<ChangedDocument[]> {
  const scope =
    collection === 'tickets'
      ? { columns: 'TRUE AS has_ticket, d.security, d.group_id, d.assignee_id', join: '' }
      : {
          columns: 't.id IS NOT NULL AS has_ticket, t.security, t.group_id, t.assignee_id',
          join: `LEFT JOIN sync_documents t ON t.collection = 'tickets' AND t.id = d.ticket_id`,
        };
  const exit = exitKey(collection);
  const exits = exit
    ? `(SELECT jsonb_agg(jsonb_build_object('userId', e.user_id, 'security', e.security, 'groupId', e.group_id,
          'assigneeId', e.assignee_id))
        FROM scope_exits e WHERE e.collection = '${exit.kind}' AND e.doc_id = ${exit.key} AND e.seq > $2)`
    : 'NULL';
  const rows = await db.query<ChangedRow>(
    `SELECT d.id, ${scope.columns}, ${exits} AS exits
     FROM sync_documents d ${scope.join}
     WHERE d.collection = $1 AND d.seq > $2 AND d.seq <= $3 ORDER BY d.seq LIMIT $4`,
    [collection, after, upTo, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    ticketScope: row.has_ticket ? { security: row.security, groupId: row.group_id, assigneeId: row.assignee_id } : null,
    exits: (row.exits ?? []).map((e) => ({
      userId: e.userId,
      scope: { security: e.security, groupId: e.groupId, assigneeId: e.assigneeId },
    })),
  }));
}

/**
 * For each filter, whether any document of the range passes it, by the pull's own SQL (`visibilityConditions`).
 * Used for configuration items, whose visibility follows sites and locations held in other rows; their filters
 * depend on groups only, so a few distinct ones cover every subscriber.
 */
export async function anyVisibleInRange(
  db: Queryable,
  collection: string,
  after: number,
  upTo: number,
  filters: readonly PullFilter[],
): Promise<boolean[]> {
  const answers: boolean[] = [];
  // PostgreSQL allows 1664 result columns; far fewer keep each statement quick to plan.
  for (let start = 0; start < filters.length; start += 50) {
    const chunk = filters.slice(start, start + 50);
    const { join, conditions, params } = visibilityConditions(collection, chunk, 4);
    const columns = conditions.map((condition, i) => `COALESCE(bool_or(${condition}), FALSE) AS v${i}`).join(', ');
    const [row] = await db.query<Record<string, boolean>>(
      `SELECT ${columns} FROM sync_documents d ${join} WHERE d.collection = $1 AND d.seq > $2 AND d.seq <= $3`,
      [collection, after, upTo, ...params],
    );
    chunk.forEach((_, i) => answers.push(row?.[`v${i}`] === true));
  }
  return answers;
}

/** Directory entries (people: their id is the user's id) written in the range. */
export async function changedDirectoryIds(db: Queryable, after: number, upTo: number, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM sync_documents WHERE collection = 'directory' AND seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
    [after, upTo, limit],
  );
  return rows.map((row) => row.id);
}

/** The last sequence number committed so far: every later commit lies above it. */
export async function committedSequence(db: Queryable): Promise<number> {
  const rows = await db.query<{ value: string | number }>('SELECT value FROM sync_counter WHERE id = 1');
  return Number(rows[0]?.value ?? 0);
}
