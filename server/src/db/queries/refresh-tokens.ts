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
