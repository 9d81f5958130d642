import pg from 'pg';
import type { LoginResponse } from '@shared';
import { startServer } from '../../../server/src/app.js';
import { makeTickets } from '../lib/bench-tickets.js';
import { createScratchDatabase } from '../lib/bench-database.js';
import { round } from '../lib/stats.js';

export interface PushIngestResult {
  push_docs: number;
  push_docs_per_s: number;
  raw_insert_docs_per_s: number;
  push_ratio_to_raw: number;
}

/**
 * Server push ingest over HTTP (validation, authorisation, conflict check, sequence, notify) against the raw
 * baseline: the same documents as multi-row INSERTs of the same batch size into the same PostgreSQL.
 */
export async function benchPushIngest(docCount: number, batchSize: number): Promise<PushIngestResult> {
  const scratch = await createScratchDatabase('bench_push_ingest');
  const server = await startServer({ port: 0, databaseUrl: scratch.url, seedDemo: true, logLevel: 'warn' });
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: 'demo-pass-2026' }),
    });
    const { accessToken } = (await login.json()) as LoginResponse;
    const docs = makeTickets(docCount, 'push');
    const pushStart = performance.now();
    for (let i = 0; i < docs.length; i += batchSize) {
      const rows = docs.slice(i, i + batchSize).map((newDocumentState) => ({ newDocumentState }));
      const res = await fetch(`${server.url}/api/sync/tickets/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify(rows),
      });
      const conflicts = (await res.json()) as unknown[];
      if (res.status !== 200 || conflicts.length > 0)
        throw new Error(`push failed: ${res.status} ${JSON.stringify(conflicts).slice(0, 300)}`);
    }
    const pushSeconds = (performance.now() - pushStart) / 1000;

    const raw = new pg.Client({ connectionString: scratch.url });
    await raw.connect();
    await raw.query('CREATE TABLE bench_raw (id text PRIMARY KEY, data jsonb NOT NULL)');
    const rawDocs = makeTickets(docCount, 'raw');
    const rawStart = performance.now();
    for (let i = 0; i < rawDocs.length; i += batchSize) {
      const batch = rawDocs.slice(i, i + batchSize);
      const values = batch.map((_, j) => `($${2 * j + 1}, $${2 * j + 2})`).join(',');
      await raw.query(
        `INSERT INTO bench_raw (id, data) VALUES ${values}`,
        batch.flatMap((d) => [d.id, JSON.stringify(d)]),
      );
    }
    const rawSeconds = (performance.now() - rawStart) / 1000;
    await raw.end();

    const pushRate = docCount / pushSeconds;
    const rawRate = docCount / rawSeconds;
    return {
      push_docs: docCount,
      push_docs_per_s: round(pushRate, 0),
      raw_insert_docs_per_s: round(rawRate, 0),
      push_ratio_to_raw: round(pushRate / rawRate, 3),
    };
  } finally {
    await server.close();
    await scratch.drop();
  }
}
