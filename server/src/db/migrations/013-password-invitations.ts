import type { Migration } from './migration.js';

/**
 * One-time links that let a person set their own password (issue 21): an administrator invites, the person chooses
 * the password, nobody else ever sees it. Only a hash of the token is stored, so a copy of the database opens no
 * account; a link works once and expires.
 */
export const passwordInvitations: Migration = {
  version: 13,
  name: 'password-invitations',
  sql: `
    CREATE TABLE password_invitations (
      token_hash text PRIMARY KEY,
      user_id text NOT NULL,
      invited_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX password_invitations_user ON password_invitations (user_id);
  `,
};
