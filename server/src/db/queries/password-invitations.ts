import type { Queryable } from '../database.js';

/** Stores a new invitation for a user; their earlier unused links stop working (only the newest mail counts). */
export async function replaceInvitation(
  db: Queryable,
  invitation: { tokenHash: string; userId: string; invitedBy: string; expiresAt: Date },
): Promise<void> {
  await db.query('UPDATE password_invitations SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [invitation.userId]);
  await db.query(
    'INSERT INTO password_invitations (token_hash, user_id, invited_by, expires_at) VALUES ($1, $2, $3, $4::timestamptz)',
    [invitation.tokenHash, invitation.userId, invitation.invitedBy, invitation.expiresAt.toISOString()],
  );
}

/** The user of a live invitation (unused, unexpired), or null; `consume` marks it used in the same statement. */
export async function liveInvitationUser(db: Queryable, tokenHash: string, consume: boolean): Promise<string | null> {
  const rows = consume
    ? await db.query<{ user_id: string }>(
        `UPDATE password_invitations SET used_at = now()
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
        [tokenHash],
      )
    : await db.query<{ user_id: string }>(
        'SELECT user_id FROM password_invitations WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()',
        [tokenHash],
      );
  return rows[0]?.user_id ?? null;
}
