import type { Migration } from './migration.js';

/** Secrets that never replicate: password hashes, refresh tokens and server settings (the JWT secret). */
export const auth: Migration = {
  version: 2,
  name: 'auth',
  sql: `
    CREATE TABLE credentials (
      user_id text PRIMARY KEY,
      password_hash text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE refresh_tokens (
      token_hash text PRIMARY KEY,
      user_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);

    CREATE TABLE server_settings (
      key text PRIMARY KEY,
      value text NOT NULL
    );
  `,
};
