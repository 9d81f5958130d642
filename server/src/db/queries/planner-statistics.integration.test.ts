import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../seed/index.js';
import { testBackends, variantTitle, type TestDatabase } from '../../test-support/backends.js';
import type { Database, Queryable } from '../database.js';
import { openDatabase } from '../open-database.js';
import { pullDocuments } from './pull.js';
import { ensureDocumentStatistics } from './planner-statistics.js';

const backends = await testBackends();

/** The plan PostgreSQL chooses for a first pull (checkpoint 0) of every ticket, 1,000 per page. */
async function firstPullPlan(db: Queryable): Promise<string> {
  let plan = '';
  const explaining: Queryable = {
    async query<R extends object>(sql: string, params?: Parameters<Queryable['query']>[1]): Promise<R[]> {
      const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
      plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      return [];
    },
    exec: (sql) => db.exec(sql),
  };
  await pullDocuments(explaining, 'tickets', 0, 1000, { kind: 'all' });
  return plan;
}

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('planner statistics of the document table', backend), () => {
    let store: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      store = await backend.create();
      db = await openDatabase(store);
    });
    afterAll(async () => {
      await db?.close();
      await store?.dispose();
    });

    it('a table filled and never analysed gets statistics, and a first pull then reads the sequence index in order', async () => {
      // 20,000 tickets written straight into the table, as a restore or an import would.
      await db.exec(`INSERT INTO sync_documents (collection, id, seq, data)
        SELECT 'tickets', 't-' || g, g, jsonb_build_object('id', 't-' || g, 'title', 'Ticket ' || g)
        FROM generate_series(1, 20000) g`);
      // Without statistics the planner sorts every ticket for each page.
      expect(await firstPullPlan(db)).toMatch(/Sort/);
      expect(await ensureDocumentStatistics(db)).toBe(true);
      const plan = await firstPullPlan(db);
      expect(plan).toMatch(/Index Scan using sync_documents_collection_seq/);
      expect(plan).not.toMatch(/Sort/);
      expect(await ensureDocumentStatistics(db)).toBe(false);
    });

    it('a seeded database has its statistics', async () => {
      await db.exec(`DELETE FROM sync_documents;
        DELETE FROM pg_statistic WHERE starelid = 'sync_documents'::regclass`);
      expect(await firstPullPlan(db)).toMatch(/Sort/);
      await seedDatabase(db, { tickets: 200, articles: 0 });
      expect(await ensureDocumentStatistics(db)).toBe(false);
    });
  });
});
