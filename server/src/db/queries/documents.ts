import type { Queryable } from '../database.js';
import { reserveSequence } from './sequence.js';

/** A replicated document as stored: its fields, without `_deleted`, and the tombstone flag beside them. */
export interface StoredDocument {
  id: string;
  seq: number;
  data: Record<string, unknown>;
  deleted: boolean;
}

/** One row to write. The scope columns are extracted from the document for pull filtering. */
export interface DocumentWrite {
  id: string;
  seq: number;
  data: Record<string, unknown>;
  deleted: boolean;
}

interface Row {
  id: string;
  seq: string | number;
  data: Record<string, unknown>;
  deleted: boolean;
}

const toStored = (row: Row): StoredDocument => ({ id: row.id, seq: Number(row.seq), data: row.data, deleted: row.deleted });

/** The current (master) state of the given documents, by id. */
export async function loadDocuments(
  db: Queryable,
  collection: string,
  ids: readonly string[],
): Promise<Map<string, StoredDocument>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<Row>(
    `SELECT id, seq, data, deleted FROM sync_documents
     WHERE collection = $1 AND id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [collection, JSON.stringify(ids)],
  );
  return new Map(rows.map((row) => [row.id, toStored(row)]));
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Columns used to filter pulls per user, extracted from the document. */
function scopeColumns(collection: string, data: Record<string, unknown>) {
  if (collection === 'tickets') {
    return { group_id: str(data.groupId), assignee_id: str(data.assigneeId), security: data.security === true, ticket_id: null };
  }
  if (collection === 'ticket_events' || collection === 'survey_responses')
    return { group_id: null, assignee_id: null, security: null, ticket_id: str(data.ticketId) };
  return { group_id: null, assignee_id: null, security: null, ticket_id: null };
}

/** Rows per INSERT statement: large batches are what makes bulk writes fast on PGlite. */
export const WRITE_BATCH_ROWS = 1000;
const WRITE_BATCH_CHARS = 4_000_000;

/** Inserts or replaces documents with multi-row statements (one JSON parameter per ~1000 rows). */
export async function upsertDocuments(tx: Queryable, collection: string, writes: readonly DocumentWrite[]): Promise<void> {
  let batch: string[] = [];
  let chars = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const json = `[${batch.join(',')}]`;
    batch = [];
    chars = 0;
    await tx.query(
      `INSERT INTO sync_documents (collection, id, seq, data, deleted, group_id, assignee_id, security, ticket_id)
       SELECT $1, r.id, r.seq, r.data, r.deleted, r.group_id, r.assignee_id, r.security, r.ticket_id
       FROM jsonb_to_recordset($2::jsonb)
         AS r(id text, seq bigint, data jsonb, deleted boolean, group_id text, assignee_id text, security boolean, ticket_id text)
       ON CONFLICT (collection, id) DO UPDATE SET
         seq = excluded.seq, data = excluded.data, deleted = excluded.deleted, server_time = now(),
         group_id = excluded.group_id, assignee_id = excluded.assignee_id, security = excluded.security,
         ticket_id = excluded.ticket_id`,
      [collection, json],
    );
  };
  for (const write of writes) {
    const row = JSON.stringify({
      id: write.id,
      seq: write.seq,
      data: write.data,
      deleted: write.deleted,
      ...scopeColumns(collection, write.data),
    });
    batch.push(row);
    chars += row.length;
    if (batch.length >= WRITE_BATCH_ROWS || chars >= WRITE_BATCH_CHARS) await flush();
  }
  await flush();
}

/**
 * Gives documents new sequence numbers in the order given, content untouched, so a pull resumed from an older
 * checkpoint delivers them again. Returns the highest number used, or 0 when there were none.
 */
export async function resequenceDocuments(tx: Queryable, collection: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const last = await reserveSequence(tx, ids.length);
  await tx.query(
    `UPDATE sync_documents d SET seq = $3::bigint + v.n, server_time = now()
     FROM jsonb_array_elements_text($2::jsonb) WITH ORDINALITY AS v(id, n)
     WHERE d.collection = $1 AND d.id = v.id`,
    [collection, JSON.stringify(ids), last - ids.length],
  );
  return last;
}

/**
 * Gives the documents of these tickets (events, survey responses) new sequence numbers, so users who can newly see
 * a ticket pull them too. Returns the highest sequence number used, or 0 when there were none.
 */
export async function bumpTicketDocuments(
  tx: Queryable,
  collection: 'ticket_events' | 'survey_responses',
  ticketIds: readonly string[],
): Promise<number> {
  if (ticketIds.length === 0) return 0;
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM sync_documents
     WHERE collection = $2 AND ticket_id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY seq`,
    [JSON.stringify(ticketIds), collection],
  );
  return resequenceDocuments(
    tx,
    collection,
    rows.map((r) => r.id),
  );
}

/** True when no replicated document exists yet. */
export async function isEmpty(db: Queryable): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM sync_documents LIMIT 1');
  return rows.length === 0;
}
