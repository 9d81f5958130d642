import pg from 'pg';
import { randomBytes } from 'node:crypto';

/** The PostgreSQL server the integration tests use (trust auth); override with DATABASE_URL_TEST. */
export const POSTGRES_TEST_URL = process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/test';

/** Where a test server keeps its data: a PostgreSQL database or in-memory PGlite. */
export interface TestDatabase {
  databaseUrl?: string;
  dataDir?: string;
  dispose(): Promise<void>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  available: boolean;
  /** Why the backend is skipped, when it is. */
  skipReason: string;
  /** A fresh, empty database for one test file. */
  create(): Promise<TestDatabase>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Checks once whether the test PostgreSQL answers; the reason is reported when it does not. */
async function probePostgres(): Promise<{ ok: boolean; reason: string }> {
  try {
    await adminQuery('SELECT 1');
    return { ok: true, reason: '' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `PostgreSQL unreachable at ${POSTGRES_TEST_URL} (${message}); set DATABASE_URL_TEST to run these tests`,
    };
  }
}

const pglite: Backend = {
  name: 'pglite',
  available: true,
  skipReason: '',
  create: () => Promise.resolve({ dataDir: 'memory://', dispose: () => Promise.resolve() }),
};

/** Both backends; the PostgreSQL one is marked unavailable (and logged) when the server cannot be reached. */
export async function testBackends(): Promise<Backend[]> {
  const probe = await probePostgres();
  if (!probe.ok) console.warn(`[integration] SKIPPING the PostgreSQL variant: ${probe.reason}`);
  const postgres: Backend = {
    name: 'postgres',
    available: probe.ok,
    skipReason: probe.reason,
    async create() {
      const name = `sd_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      await adminQuery(`CREATE DATABASE ${name}`);
      const url = new URL(POSTGRES_TEST_URL);
      url.pathname = `/${name}`;
      return {
        databaseUrl: url.toString(),
        dispose: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      };
    },
  };
  return [pglite, postgres];
}

/** The describe title of a backend variant, with the skip reason when skipped. */
export function variantTitle(title: string, backend: Backend): string {
  return backend.available ? `${title} [${backend.name}]` : `${title} [${backend.name}] SKIPPED: ${backend.skipReason}`;
}
