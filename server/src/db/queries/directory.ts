import type { Queryable } from '../database.js';

/** A directory document (kind user) by e-mail address, case-insensitively; deleted entries are ignored. */
export async function findUserByEmail(db: Queryable, email: string): Promise<Record<string, unknown> | null> {
  const rows = await db.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM sync_documents
     WHERE collection = 'directory' AND lower(data->>'email') = lower($1) AND data->>'kind' = 'user' AND NOT deleted
     ORDER BY seq DESC LIMIT 1`,
    [email],
  );
  return rows[0]?.data ?? null;
}

/** A directory user by id; deleted entries are ignored. */
export async function findUserById(db: Queryable, id: string): Promise<Record<string, unknown> | null> {
  const rows = await db.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM sync_documents WHERE collection = 'directory' AND id = $1 AND data->>'kind' = 'user' AND NOT deleted`,
    [id],
  );
  return rows[0]?.data ?? null;
}

/** Active supervisors with an e-mail address, as directory documents. */
export async function activeSupervisors(db: Queryable): Promise<Record<string, unknown>[]> {
  const rows = await db.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM sync_documents
     WHERE collection = 'directory' AND data->>'kind' = 'user' AND data->>'role' = 'supervisor' AND NOT deleted
       AND (data->>'active')::boolean AND data->>'email' <> ''
     ORDER BY id`,
  );
  return rows.map((row) => row.data);
}

/** Directory users by id (active or not), in one query; deleted entries are ignored. */
export async function usersByIds(db: Queryable, ids: readonly string[]): Promise<Record<string, unknown>[]> {
  const wanted = [...new Set(ids.filter((id) => id !== ''))];
  if (wanted.length === 0) return [];
  const rows = await db.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM sync_documents
     WHERE collection = 'directory' AND id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND data->>'kind' = 'user'
       AND NOT deleted`,
    [JSON.stringify(wanted)],
  );
  return rows.map((row) => row.data);
}

/** Every live directory entry (people, groups, categories: hundreds to a few thousand), for the directory's rules. */
export async function allDirectoryEntries(db: Queryable): Promise<Record<string, unknown>[]> {
  const rows = await db.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM sync_documents WHERE collection = 'directory' AND NOT deleted`,
  );
  return rows.map((row) => row.data);
}

/** The people each of these groups names as its leads (`leadIds`), by group id. */
export async function groupLeads(db: Queryable, groupIds: readonly string[]): Promise<Map<string, Record<string, unknown>[]>> {
  const rows = await db.query<{ group_id: string; data: Record<string, unknown> }>(
    `SELECT g.id AS group_id, u.data FROM sync_documents g
     CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(g.data->'leadIds', '[]'::jsonb)) AS lead(id)
     JOIN sync_documents u ON u.collection = 'directory' AND u.id = lead.id AND NOT u.deleted AND u.data->>'kind' = 'user'
     WHERE g.collection = 'directory' AND g.id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND NOT g.deleted`,
    [JSON.stringify([...new Set(groupIds)])],
  );
  const out = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) out.set(row.group_id, [...(out.get(row.group_id) ?? []), row.data]);
  return out;
}

/** Which of these ids name active assignment groups of the directory (deleted and inactive ones are left out). */
export async function activeGroupIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id) => id !== ''))];
  if (wanted.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM sync_documents
     WHERE collection = 'directory' AND id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND data->>'kind' = 'group'
       AND NOT deleted AND (data->>'active')::boolean`,
    [JSON.stringify(wanted)],
  );
  return new Set(rows.map((row) => row.id));
}
