import type { Migration } from './migration.js';

/**
 * Refresh tokens remember the sign-in they descend from (`family_id`), so reusing a rotated token can revoke
 * every token issued from that sign-in, and access tokens name it (`sid`) so an ended sign-in's access tokens
 * stop working before they expire. Tokens from before this migration are each their own family.
 */
export const tokenRevocation: Migration = {
  version: 7,
  name: 'token-revocation',
  sql: `
    ALTER TABLE refresh_tokens ADD COLUMN family_id text;
    UPDATE refresh_tokens SET family_id = token_hash WHERE family_id IS NULL;
    ALTER TABLE refresh_tokens ALTER COLUMN family_id SET NOT NULL;
    CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

    -- Sign-ins ended (sign-out, replayed refresh token): their access tokens are refused until they expire.
    CREATE TABLE revoked_sessions (
      family_id text PRIMARY KEY,
      expires_at timestamptz NOT NULL
    );
  `,
};
