import type { Queryable } from '../database.js';

/** Stores the hash of a new refresh token. */
export async function insertRefreshToken(db: Queryable, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
  await db.query('INSERT INTO refresh_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3::timestamptz)', [
    tokenHash,
    userId,
    expiresAt.toISOString(),
  ]);
}

/**
 * Marks a refresh token used, atomically, and returns its user; null when it is unknown, expired or already
 * used (so each token works once even when two requests race).
 */
export async function consumeRefreshToken(db: Queryable, tokenHash: string): Promise<string | null> {
  const rows = await db.query<{ user_id: string }>(
    `UPDATE refresh_tokens SET used_at = now()
     WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
     RETURNING user_id`,
    [tokenHash],
  );
  return rows[0]?.user_id ?? null;
}

/** Forgets refresh tokens that expired more than a day ago. */
export async function deleteExpiredRefreshTokens(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'`);
}
