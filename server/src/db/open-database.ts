import type { Database } from './database.js';
import { runMigrations } from './migrate.js';
import { ensureDocumentStatistics } from './queries/planner-statistics.js';
import { openPGliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite folder, or `memory://` for an in-memory database. */
  dataDir?: string;
  log?: (message: string, error?: unknown) => void;
}

/** Opens PostgreSQL or PGlite and brings the schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgresDatabase(options.databaseUrl, options.log)
    : await openPGliteDatabase(options.dataDir ?? 'memory://');
  try {
    await runMigrations(db);
    await ensureDocumentStatistics(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
