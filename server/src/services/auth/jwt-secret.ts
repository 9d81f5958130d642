import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { getOrCreateSetting } from '../../db/queries/settings.js';

/**
 * The HS256 secret: JWT_SECRET when configured, otherwise a random one generated once and kept in the
 * database, so several stateless instances on one PostgreSQL accept each other's tokens.
 */
export async function resolveJwtSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  return getOrCreateSetting(db, 'jwt_secret', randomBytes(48).toString('base64url'));
}
