// npm run bench:console — the agent console's queue and knowledge base, with figures in test/bench/results/console.json.
//   filter_sort_p95_ms  Node, rxdb memory storage through createDeskDatabase (the renderer's database factory):
//                       the queue index the UI uses (queueIndexFor: loaded from the collection, live from its change
//                       stream), queried exactly as useTicketQueue does (every named queue x filter sets x every
//                       column both ways). Each column's first sort (once per session) is reported apart:
//                       sort_build_max_ms. live_update_p95_ms: a ticket written through RxDB, then the queue re-read.
//   kb_search_p95_ms    buildArticleIndex (the UI's MiniSearch module) over bilingual articles: 400 queries, 8 terms in turn.
//   cold_start_ms       real Chromium, the built console (dist/renderer) served by the sync server, the tickets
//                       already synced into its IndexedDB: page navigation to the first queue row on screen (median
//                       of the runs; see console/cold-start.ts). BENCH_COLD_START=0 skips it (null);
//                       BENCH_COLD_TICKETS sets its ticket count (default BENCH_TICKETS).
// Sizes: BENCH_TICKETS=20000 BENCH_ARTICLES=2000 npm run bench:console
import { loadavg } from 'node:os';
import type { Priority, Ticket } from '@shared';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDeskDatabase } from '../../renderer/src/data/db.js';
import { NAMED_QUEUES } from '../../renderer/src/data/queue-index/named-queues.js';
import { queueIndexFor } from '../../renderer/src/data/queue-index/load-queue-index.js';
import { EMPTY_FILTER } from '../../renderer/src/data/queue-index/queue-filter.js';
import type { QueueFilter } from '../../renderer/src/data/queue-index/queue-filter.js';
import { SORT_COLUMNS } from '../../renderer/src/data/queue-index/queue-sort.js';
import type { QueueSort } from '../../renderer/src/data/queue-index/queue-sort.js';
import { buildArticleIndex } from '../../renderer/src/features/kb/kb-search.js';
import { benchArticle, benchTicket, CATEGORIES, GROUPS, USERS } from './console/console-tickets.js';
import { benchColdStart } from './console/cold-start.js';
import { percentile, round, writeResults } from './lib/stats.js';
import { requireChromium } from '../support/chromium-path.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const COLD_START = process.env.BENCH_COLD_START !== '0';
const RUNS = 5;
// Found (or installed) before minutes of Node measurements, not after them.
if (COLD_START) requireChromium();

const db = await createDeskDatabase({ name: `console-bench-${Date.now()}`, storage: getRxStorageMemory(), multiInstance: false });
const now = Date.now();
console.log(`inserting ${TICKETS} tickets...`);
for (let start = 0; start < TICKETS; start += 10_000) {
  await db.tickets.bulkInsert(Array.from({ length: Math.min(10_000, TICKETS - start) }, (_, k) => benchTicket(start + k, now)));
}

const loadStart = performance.now();
const index = queueIndexFor(db.tickets);
while (!index.loaded) await new Promise((r) => setTimeout(r, 1));
const indexLoadMs = performance.now() - loadStart;
if (index.size !== TICKETS) throw new Error(`index holds ${index.size} of ${TICKETS} tickets`);
const names = new Map(USERS.map((id, i) => [id, `Agent ${String.fromCharCode(65 + (i % 26))}${i}`]));
index.setAssigneeNames((id) => names.get(id) ?? id);

const sortBuild: number[] = [];
for (const column of SORT_COLUMNS) {
  const t0 = performance.now();
  index.prepareSorts([column]);
  sortBuild.push(performance.now() - t0);
}

const me = { id: USERS[5], groupIds: ['grp-field', 'grp-network'] };
const filters: QueueFilter[] = [
  EMPTY_FILTER,
  { ...EMPTY_FILTER, status: 'open' },
  { ...EMPTY_FILTER, status: 'pending' },
  { ...EMPTY_FILTER, text: 'printer' },
  { ...EMPTY_FILTER, text: 'vpn 12' },
  { ...EMPTY_FILTER, priorities: [1, 2] as Priority[], groupIds: [GROUPS[2]] },
  { ...EMPTY_FILTER, assigneeIds: [USERS[3], ''], categoryIds: [CATEGORIES[1]] },
  { ...EMPTY_FILTER, age: 'gt7d', status: 'open' },
  { ...EMPTY_FILTER, status: 'open', priorities: [1, 2, 3] as Priority[], age: 'lt7d', text: 'drive' },
];
const sorts: QueueSort[] = SORT_COLUMNS.flatMap((column) => [
  { column, direction: 'asc' as const },
  { column, direction: 'desc' as const },
]);

const perQueue: Record<string, number> = {};
const samples: number[] = [];
const noText: number[] = [];
const withText: number[] = [];
for (const queue of NAMED_QUEUES) {
  const own: number[] = [];
  for (const filter of filters) {
    for (const sort of sorts) {
      for (let r = 0; r < RUNS; r++) {
        const t0 = performance.now();
        const rows = index.query({ queue, me, filter, sort });
        const ms = performance.now() - t0;
        own.push(ms);
        (filter.text ? withText : noText).push(ms);
        if (r === 0 && rows.length === 0 && filter === EMPTY_FILTER && queue !== 'major') console.warn(`no rows for ${queue}`);
      }
    }
  }
  perQueue[`queue_${queue}_p95_ms`] = round(percentile(own, 0.95));
  samples.push(...own);
}

// Live: a ticket written through RxDB reaches the index from the change stream, then the open queue is re-read.
const live: number[] = [];
for (let r = 0; r < 50; r++) {
  const doc = await db.tickets.findOne(`t-${r * 13}`).exec();
  const t0 = performance.now();
  await doc?.incrementalPatch({ title: `edited ${r}`, updatedAt: now + r, queueKey: Number.MAX_SAFE_INTEGER - (now + r) });
  const rows = index.query({
    queue: 'all',
    me,
    filter: { ...EMPTY_FILTER, status: 'all' },
    sort: { column: 'title', direction: 'asc' },
  });
  live.push(performance.now() - t0);
  if (!rows.slice().some((t: Ticket) => t.title === `edited ${r}`)) throw new Error('the live update did not reach the index');
}
await db.close();
// The tickets section leaves a heap of garbage (100,000 tickets in memory storage and the index); collecting it now
// keeps its major collection out of the KB timings (the script runs with --expose-gc).
(globalThis as { gc?: () => void }).gc?.();

console.log(`building the KB index over ${ARTICLES} articles...`);
const articles = Array.from({ length: ARTICLES }, (_, i) => benchArticle(i));
const t0 = performance.now();
const kbIndex = buildArticleIndex(articles, 'fr');
const kbIndexMs = performance.now() - t0;
const kbQueries = ['reseau', 'imprimante', 'mot de passe', 'VPN', 'ecran', 'courriel', 'cable', 'securite'];
const kb: number[] = [];
for (let r = 0; r < 400; r++) {
  const s = performance.now();
  kbIndex.search(kbQueries[r % kbQueries.length]).slice(0, 20);
  kb.push(performance.now() - s);
}

const results: Record<string, unknown> = {
  filter_sort_p95_ms: round(percentile(samples, 0.95)),
  kb_search_p95_ms: round(percentile(kb, 0.95)),
  cold_start_ms: null,
  tickets: TICKETS,
  articles: ARTICLES,
  measured_at: new Date().toISOString(),
  machine: `${process.platform} ${process.arch}, Node ${process.version}, load average ${loadavg()
    .map((l) => round(l, 1))
    .join(' ')}`,
  filter_sort_queries: samples.length,
  filter_sort_no_text_p95_ms: round(percentile(noText, 0.95)),
  filter_sort_text_p95_ms: round(percentile(withText, 0.95)),
  filter_sort_max_ms: round(Math.max(...samples)),
  sort_build_max_ms: round(Math.max(...sortBuild)),
  index_load_node_memory_ms: round(indexLoadMs),
  live_update_p95_ms: round(percentile(live, 0.95)),
  kb_index_build_ms: round(kbIndexMs),
  ...perQueue,
  cold_start_note: COLD_START ? 'not finished' : 'skipped (BENCH_COLD_START=0)',
};
const file = new URL('./results/console.json', import.meta.url).pathname;
// Written now and again after the cold start, which takes minutes (the initial sync of every ticket comes first).
writeResults(file, results);
if (COLD_START) {
  const coldTickets = Number(process.env.BENCH_COLD_TICKETS ?? TICKETS);
  const cold = await benchColdStart(coldTickets);
  delete results.cold_start_note;
  writeResults(file, { ...results, ...cold });
}
