import type { Queryable } from '../database.js';

/** The stored password hash of a user, or null when the user has no password. */
export async function findPasswordHash(db: Queryable, userId: string): Promise<string | null> {
  const rows = await db.query<{ password_hash: string }>('SELECT password_hash FROM credentials WHERE user_id = $1', [userId]);
  return rows[0]?.password_hash ?? null;
}

/** Sets the password hashes of several users at once (seed, admin tools). */
export async function upsertPasswordHashes(db: Queryable, entries: readonly { userId: string; hash: string }[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO credentials (user_id, password_hash)
     SELECT r.user_id, r.hash FROM jsonb_to_recordset($1::jsonb) AS r(user_id text, hash text)
     ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = now()`,
    [JSON.stringify(entries.map((e) => ({ user_id: e.userId, hash: e.hash })))],
  );
}
