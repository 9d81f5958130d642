import type { DirectoryAuditEntry } from '@shared';
import type { Queryable } from '../database.js';

type DirectoryAuditRow = DirectoryAuditEntry;

/** Appends changes to the directory audit (in the caller's transaction). */
export async function appendDirectoryAudit(db: Queryable, rows: readonly Omit<DirectoryAuditRow, 'id' | 'at'>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO directory_audit (actor_id, entry_id, kind, before, after)
     SELECT r.actor_id, r.entry_id, r.kind, r.before, r.after
     FROM jsonb_to_recordset($1::jsonb) AS r(actor_id text, entry_id text, kind text, before jsonb, after jsonb)`,
    [
      JSON.stringify(
        rows.map((r) => ({ actor_id: r.actorId, entry_id: r.entryId, kind: r.kind, before: r.before, after: r.after })),
      ),
    ],
  );
}

/** The newest changes first, older than `beforeId` when given (paging), optionally of one entry. */
export async function listDirectoryAudit(
  db: Queryable,
  options: { limit: number; beforeId?: number; entryId?: string },
): Promise<DirectoryAuditRow[]> {
  const rows = await db.query<{
    id: string | number;
    at: Date | string;
    actor_id: string;
    entry_id: string;
    kind: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }>(
    `SELECT id, at, actor_id, entry_id, kind, before, after FROM directory_audit
     WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR entry_id = $2)
     ORDER BY id DESC LIMIT $3`,
    [options.beforeId ?? null, options.entryId ?? null, options.limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).getTime(),
    actorId: r.actor_id,
    entryId: r.entry_id,
    kind: r.kind,
    before: r.before,
    after: r.after,
  }));
}
