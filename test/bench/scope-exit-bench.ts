// npm run bench:scope-exit — what telling devices about documents that left their scope (issue 15, item 9) costs the
// pull. A technician's device pulls every ticket page (1,000 per page) from checkpoint 0 twice per round: with the
// scope-exit check (pullDocuments' `leftScopeOf`, as every pull after a first one does) and without it (the raw
// baseline, in the same run), over tickets seeded on PGlite (or DATABASE_URL's PostgreSQL) with scope exits recorded
// for the oldest ones as if they had moved out of the technician's group.
//   pull_p50_ms / pull_with_exits_p50_ms   a full technician pull, median of the rounds
//   exits_overhead_ratio                   with / without
// Sizes: BENCH_TICKETS=50000 BENCH_EXITS=2000 BENCH_ROUNDS=5 npm run bench:scope-exit
import { loadavg } from 'node:os';
import type { Actor } from '../../shared/src/index.js';
import { openDatabase } from '../../server/src/db/open-database.js';
import { pullDocuments } from '../../server/src/db/queries/pull.js';
import { recordScopeExits } from '../../server/src/db/queries/scope-exits.js';
import { seedDatabase } from '../../server/src/seed/index.js';
import { pullFilterFor } from '../../server/src/services/sync/pull-filter.js';
import { percentile, round, writeResults } from './lib/stats.js';

const ticketCount = Number(process.env.BENCH_TICKETS ?? 50_000);
const exitCount = Number(process.env.BENCH_EXITS ?? 2_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const PAGE = 1_000;

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: 'memory://' });
const seededAt = performance.now();
await seedDatabase(db, { tickets: ticketCount, articles: 0, random: 7 });
console.log(`seeded ${ticketCount} tickets in ${Math.round(performance.now() - seededAt)} ms`);

const technician: Actor = { id: 'usr-tech', role: 'technician', groupIds: ['grp-field'] };
const filter = pullFilterFor(technician, 'tickets')!;
const oldest = await db.query<{ id: string; seq: string }>(
  `SELECT id, seq FROM sync_documents WHERE collection = 'tickets' ORDER BY seq LIMIT $1`,
  [exitCount],
);
await recordScopeExits(
  db,
  oldest.map((row) => ({
    seq: Number(row.seq),
    collection: 'tickets' as const,
    docId: row.id,
    groupId: 'grp-field',
    assigneeId: '',
    security: false,
  })),
);

async function fullPull(withExits: boolean): Promise<{ ms: number; docs: number; tombstones: number }> {
  const started = performance.now();
  let checkpoint = 0;
  let docs = 0;
  let tombstones = 0;
  for (;;) {
    const rows = await pullDocuments(db, 'tickets', checkpoint, PAGE, filter, withExits ? { userId: technician.id } : undefined);
    if (rows.length === 0) break;
    docs += rows.length;
    tombstones += rows.filter((row) => !row.visible).length;
    checkpoint = rows[rows.length - 1].seq;
  }
  return { ms: performance.now() - started, docs, tombstones };
}

await fullPull(false);
const plain: number[] = [];
const withExits: number[] = [];
let last = { docs: 0, tombstones: 0 };
for (let round_ = 0; round_ < rounds; round_++) {
  plain.push((await fullPull(false)).ms);
  const measured = await fullPull(true);
  withExits.push(measured.ms);
  last = measured;
}
await db.close();

const p50 = (values: number[]) => round(percentile(values, 0.5), 1);
const results = {
  measured_at: new Date().toISOString(),
  machine: `${process.platform} ${process.arch}, Node ${process.version}`,
  database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
  load_average_1m: round(loadavg()[0], 2),
  tickets: ticketCount,
  scope_exits: exitCount,
  rounds,
  technician_docs: last.docs,
  tombstones_sent: last.tombstones,
  pull_p50_ms: p50(plain),
  pull_with_exits_p50_ms: p50(withExits),
  exits_overhead_ratio: round(p50(withExits) / p50(plain), 3),
};
console.log(results);
writeResults(new URL('./results/scope-exit.json', import.meta.url).pathname, results);
