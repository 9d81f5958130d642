import type { Queryable } from '../database.js';

/** Stores the hash of a new refresh token, in the family of the sign-in it descends from. */
export async function insertRefreshToken(
  db: Queryable,
  tokenHash: string,
  userId: string,
  expiresAt: Date,
  familyId: string,
): Promise<void> {
  await db.query('INSERT INTO refresh_tokens (token_hash, user_id, expires_at, family_id) VALUES ($1, $2, $3::timestamptz, $4)', [
    tokenHash,
    userId,
    expiresAt.toISOString(),
    familyId,
  ]);
}

/**
 * Marks a refresh token used, atomically, and returns its user; null when it is unknown, expired or already
 * used (so each token works once even when two requests race).
 */
export async function consumeRefreshToken(
  db: Queryable,
  tokenHash: string,
): Promise<{ userId: string; familyId: string } | null> {
  const rows = await db.query<{ user_id: string; family_id: string }>(
    `UPDATE refresh_tokens SET used_at = now()
     WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
     RETURNING user_id, family_id`,
    [tokenHash],
  );
  return rows[0] ? { userId: rows[0].user_id, familyId: rows[0].family_id } : null;
}

/** The family of a token that exists but was already used: a replay. Null for unknown tokens. */
export async function findUsedTokenFamily(db: Queryable, tokenHash: string): Promise<string | null> {
  const rows = await db.query<{ family_id: string }>(
    'SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND used_at IS NOT NULL',
    [tokenHash],
  );
  return rows[0]?.family_id ?? null;
}

/** Uses up every live token of a family: the whole chain issued from one sign-in stops working. */
export async function revokeTokenFamily(db: Queryable, familyId: string): Promise<void> {
  await db.query('UPDATE refresh_tokens SET used_at = now() WHERE family_id = $1 AND used_at IS NULL', [familyId]);
}

/** Forgets refresh tokens that expired more than a day ago. */
export async function deleteExpiredRefreshTokens(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'`);
}

/** Refuses a sign-in's access tokens until the last of them would have expired anyway. */
export async function denySession(db: Queryable, familyId: string, accessTtlSeconds: number): Promise<void> {
  await db.query(
    `INSERT INTO revoked_sessions (family_id, expires_at) VALUES ($1, now() + make_interval(secs => $2))
     ON CONFLICT (family_id) DO UPDATE SET expires_at = excluded.expires_at`,
    [familyId, accessTtlSeconds],
  );
  await db.query('DELETE FROM revoked_sessions WHERE expires_at < now()');
}

/** True when the sign-in was ended and its access tokens may still be unexpired. */
export async function isSessionRevoked(db: Queryable, familyId: string): Promise<boolean> {
  const rows = await db.query<{ one: number }>(
    'SELECT 1 AS one FROM revoked_sessions WHERE family_id = $1 AND expires_at > now()',
    [familyId],
  );
  return rows.length > 0;
}

/** Uses up every live refresh token of a user: each of their sign-ins must sign in again (their password changed). */
export async function revokeUserTokens(db: Queryable, userId: string): Promise<void> {
  await db.query('UPDATE refresh_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [userId]);
}
