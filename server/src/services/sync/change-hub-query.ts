import type { Queryable } from '../../db/database.js';
import { visibilityConditions, type PullFilter } from '../../db/queries/pull.js';
import type { TicketScope } from './pull-filter-match.js';

/** A document committed in a notified range, with what decides who receives it. */
export interface ChangedDocument {
  id: string;
  /** The ticket whose scope decides (the document itself for tickets, else its `ticketId`); null when none. */
  ticketId: string | null;
  /** The configuration item a history entry belongs to. */
  ciId: string | null;
  /** The deciding ticket's scope; null when that ticket is not stored (the pull's join then drops the document). */
  ticketScope: TicketScope | null;
}

interface ChangedRow {
  id: string;
  ticket_id: string | null;
  ci_id: string | null;
  has_ticket: boolean;
  security: boolean | null;
  group_id: string | null;
  assignee_id: string | null;
}

/**
 * The documents of `collection` with `after < seq <= upTo`, at most `limit`. Commits happen in sequence order, so once
 * the notification of `upTo` has arrived the range is complete; a document changed again since lies past `upTo` and is
 * judged with its own notification.
 */
export async function changedDocuments(
  db: Queryable,
  collection: string,
  after: number,
  upTo: number,
  limit: number,
): Promise<ChangedDocument[]> {
  const own = collection === 'tickets';
  const rows = await db.query<ChangedRow>(
    own
      ? `SELECT d.id, d.id AS ticket_id, NULL AS ci_id, TRUE AS has_ticket, d.security, d.group_id, d.assignee_id
         FROM sync_documents d
         WHERE d.collection = $1 AND d.seq > $2 AND d.seq <= $3 ORDER BY d.seq LIMIT $4`
      : `SELECT d.id, d.ticket_id, d.data->>'ciId' AS ci_id, t.id IS NOT NULL AS has_ticket, t.security, t.group_id,
           t.assignee_id
         FROM sync_documents d LEFT JOIN sync_documents t ON t.collection = 'tickets' AND t.id = d.ticket_id
         WHERE d.collection = $1 AND d.seq > $2 AND d.seq <= $3 ORDER BY d.seq LIMIT $4`,
    [collection, after, upTo, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    ticketId: row.ticket_id,
    ciId: row.ci_id,
    ticketScope: row.has_ticket ? { security: row.security, groupId: row.group_id, assigneeId: row.assignee_id } : null,
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

/** A scope exit (see `db/queries/scope-exits.ts`): who could see the document before, or the one user who lost it. */
export interface ExitRow {
  docId: string;
  userId: string | null;
  scope: TicketScope;
}

/** Scope exits of `kind` recorded after `after` for these documents: what a pull from `after` turns into removals. */
export async function exitsSince(
  db: Queryable,
  kind: 'tickets' | 'config_items',
  docIds: readonly string[],
  after: number,
): Promise<ExitRow[]> {
  if (docIds.length === 0) return [];
  const rows = await db.query<{
    doc_id: string;
    user_id: string | null;
    security: boolean | null;
    group_id: string | null;
    assignee_id: string | null;
  }>(
    `SELECT doc_id, user_id, security, group_id, assignee_id FROM scope_exits
     WHERE collection = $1 AND doc_id IN (SELECT jsonb_array_elements_text($2::jsonb)) AND seq > $3`,
    [kind, JSON.stringify(docIds), after],
  );
  return rows.map((row) => ({
    docId: row.doc_id,
    userId: row.user_id,
    scope: { security: row.security, groupId: row.group_id, assigneeId: row.assignee_id },
  }));
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
