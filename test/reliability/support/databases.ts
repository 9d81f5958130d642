import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../server/src/db/open-database.js';
import type { Database } from '../../../server/src/db/database.js';
import { seedDatabase } from '../../../server/src/seed/index.js';
import { testBackends } from '../../../server/src/test-support/backends.js';

export { POSTGRES_TEST_URL } from '../../../server/src/test-support/backends.js';

export type DatabaseKind = 'postgres' | 'pglite';

/** A fresh database for one test file: its own PostgreSQL database, or a PGlite folder on disk. */
export interface ReliabilityDatabase {
  kind: DatabaseKind;
  databaseUrl?: string;
  dataDir?: string;
  dispose(): Promise<void>;
}

export interface PostgresProbe {
  available: boolean;
  /** Why the PostgreSQL variants are skipped, when they are. */
  reason: string;
}

let probe: Promise<PostgresProbe> | undefined;

/** Whether the test PostgreSQL answers (checked once per process; the reason is logged when it does not). */
export function probePostgres(): Promise<PostgresProbe> {
  probe ??= testBackends().then((backends) => {
    const postgres = backends.find((b) => b.name === 'postgres');
    return { available: postgres?.available === true, reason: postgres?.skipReason ?? 'no PostgreSQL backend' };
  });
  return probe;
}

export async function createDatabase(kind: DatabaseKind): Promise<ReliabilityDatabase> {
  if (kind === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'sd-reliability-'));
    return { kind, dataDir, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const postgres = (await testBackends()).find((b) => b.name === 'postgres');
  if (!postgres?.available) throw new Error(postgres?.skipReason ?? 'PostgreSQL unavailable');
  const created = await postgres.create();
  return { kind, databaseUrl: created.databaseUrl, dispose: () => created.dispose() };
}

/** Opens the database directly (migrated), for seeding and for looking at what is stored. */
export function openDirect(db: ReliabilityDatabase): Promise<Database> {
  return openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
}

/** Seeds the demo directory (users with the demo password) and `tickets` demo tickets, then closes. */
export async function seedDirectory(db: ReliabilityDatabase, tickets = 0): Promise<void> {
  const direct = await openDirect(db);
  try {
    await seedDatabase(direct, { tickets, articles: 0, random: 11 });
  } finally {
    await direct.close();
  }
}
