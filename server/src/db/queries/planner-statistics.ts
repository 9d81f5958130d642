import type { Queryable } from '../database.js';

// Without statistics PostgreSQL guesses that a pull's `seq > checkpoint` matches a few hundred rows, so it sorts every
// later row of the collection instead of reading the (collection, seq) index in order: measured on 100,000 tickets,
// 200 ms per pull page instead of 1 ms. Autovacuum gathers statistics only after a while, and PGlite has no autovacuum.

/** Gathers the document table's planner statistics, as PostgreSQL advises after a bulk load. */
export async function analyzeDocuments(db: Queryable): Promise<void> {
  await db.exec('ANALYZE sync_documents');
}

/** Gathers them when the table has none yet (a database filled and never analysed); true when it did. */
export async function ensureDocumentStatistics(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ analysed: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'sync_documents') AS analysed`,
  );
  if (row?.analysed) return false;
  await analyzeDocuments(db);
  return true;
}
