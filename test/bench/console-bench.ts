// npx tsx test/bench/console-bench.ts — the agent console's local queries, in Node on rxdb memory storage through
// createDeskDatabase (the renderer's own database factory and schemas):
//   filter_sort_p95_ms  every named queue with the UI's filters (none, text, status) and the default sort
//                       (queueKey, index-served), limit 50: the queries ticketQueueQueries builds, run at the
//                       storage level (as on a queue's first render: no RxQuery cache), merged as the hook does.
//   kb_search_p95_ms    buildArticleIndex (the UI's MiniSearch module) over bilingual articles, one query per run.
//   cold_start_ms       not measured here (needs Chromium with a pre-filled IndexedDB): null.
// Sizes: BENCH_TICKETS=20000 BENCH_ARTICLES=2000 npx tsx test/bench/console-bench.ts
import type { KbArticle, Level, Ticket, TicketStatus } from '@shared';
import { computePriority, queueKeyFor } from '@shared';
import { normalizeMangoQuery, prepareQuery } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDeskDatabase } from '../../renderer/src/data/db.js';
import { NAMED_QUEUES } from '../../renderer/src/data/hooks/named-queues.js';
import { ticketQueueQueries } from '../../renderer/src/data/hooks/tickets.js';
import type { TicketStatusFilter } from '../../renderer/src/data/hooks/tickets.js';
import { buildArticleIndex } from '../../renderer/src/features/kb/kb-search.js';
import { percentile, round, writeResults } from './lib/stats.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const RUNS = 20;
const GROUPS = ['grp-service-desk', 'grp-field', 'grp-network', 'grp-apps'];
const USERS = Array.from({ length: 40 }, (_, i) => `usr-${String(i).padStart(4, '0')}`);
const SUBJECTS = [
  'printer jammed',
  'VPN disconnects',
  'password expired',
  'laptop screen flickers',
  'email not syncing',
  'shared drive unreachable',
  'Wi-Fi drops',
  'new account request',
];
const STATUSES: TicketStatus[] = ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed'];

function ticket(i: number, now: number): Ticket {
  const impact = ((i % 3) + 1) as Level;
  const urgency = (((i >> 3) % 3) + 1) as Level;
  const status = STATUSES[(i * 7) % STATUSES.length];
  const updatedAt = now - i * 1000;
  const done = status === 'resolved' || status === 'closed';
  return {
    id: `t-${i}`,
    number: `INC${String(i).padStart(7, '0')}`,
    type: i % 4 === 0 ? 'request' : 'incident',
    title: `${SUBJECTS[i % SUBJECTS.length]} (${i})`,
    description: 'Generated for the console benchmark.',
    status,
    pendingReason: status === 'pending' ? 'customer' : '',
    impact,
    urgency,
    priority: computePriority(impact, urgency),
    priorityOverrideReason: '',
    categoryId: '',
    groupId: GROUPS[i % GROUPS.length],
    assigneeId: status === 'new' || i % 11 === 0 ? '' : USERS[i % USERS.length],
    callerId: USERS[(i * 3) % USERS.length],
    channel: 'phone',
    security: false,
    resolutionCode: done ? 'fixed' : '',
    resolutionNotes: done ? 'Done.' : '',
    createdAt: updatedAt,
    updatedAt,
    updatedBy: USERS[0],
    queueKey: queueKeyFor(updatedAt),
    escalationTier: i % 17 === 0 ? 2 : 1,
    escalatedToSupervisor: i % 53 === 0,
    major: i % 997 === 0,
  };
}

function article(i: number): KbArticle {
  const s = SUBJECTS[i % SUBJECTS.length];
  return {
    id: `kb-${i}`,
    number: `KB${String(i).padStart(7, '0')}`,
    title: { en: `How to fix: ${s} #${i}`, fr: `Comment régler : ${s} no ${i} (réseau, sécurité)` },
    body: {
      en: `Steps to solve ${s}. Restart, check the cable, call the desk. `.repeat(5),
      fr: `Étapes pour résoudre ${s}. Redémarrez, vérifiez le câble. `.repeat(5),
    },
    status: 'published',
    categoryId: '',
    tags: ['howto', s.split(' ')[0]],
    version: 1,
    authorId: USERS[1],
    updatedAt: i,
  };
}

const db = await createDeskDatabase({ name: `console-bench-${Date.now()}`, storage: getRxStorageMemory(), multiInstance: false });
const now = Date.now();
console.log(`inserting ${TICKETS} tickets...`);
for (let start = 0; start < TICKETS; start += 10_000) {
  await db.tickets.bulkInsert(Array.from({ length: Math.min(10_000, TICKETS - start) }, (_, k) => ticket(start + k, now)));
}
const schema = db.tickets.schema.jsonSchema;
const me = { id: USERS[5], groupIds: ['grp-field', 'grp-network'] };

async function runQueue(q: Parameters<typeof ticketQueueQueries>[0]): Promise<Ticket[]> {
  const { queries, offset } = ticketQueueQueries(q);
  const lists = await Promise.all(
    queries.map(
      async (query) =>
        (await db.tickets.storageInstance.query(prepareQuery(schema, normalizeMangoQuery(schema, query))))
          .documents as unknown as Ticket[],
    ),
  );
  return lists.length === 1
    ? lists[0]
    : lists
        .flat()
        .sort((a, b) => a.queueKey - b.queueKey)
        .slice(offset, offset + q.pageSize);
}

const filters: { status: TicketStatusFilter; text: string }[] = [
  { status: 'all', text: '' },
  { status: 'open', text: '' },
  { status: 'pending', text: '' },
  { status: 'all', text: 'printer' },
];
const perQueue: Record<string, number> = {};
const samples: number[] = [];
const noText: number[] = [];
const withText: number[] = [];
for (const queue of NAMED_QUEUES) {
  const own: number[] = [];
  for (const f of filters) {
    if (queue !== 'all' && f.status !== 'all') continue;
    for (let r = 0; r < RUNS + 2; r++) {
      const t0 = performance.now();
      const rows = await runQueue({ ...f, page: 0, pageSize: 50, queue, me });
      const ms = performance.now() - t0;
      if (r >= 2) {
        own.push(ms);
        (f.text ? withText : noText).push(ms);
      }
      if (r === 0 && rows.length === 0 && queue !== 'major') console.warn(`no rows for ${queue} ${JSON.stringify(f)}`);
    }
  }
  perQueue[`queue_${queue}_p95_ms`] = round(percentile(own, 0.95));
  samples.push(...own);
}

console.log(`building the KB index over ${ARTICLES} articles...`);
const articles = Array.from({ length: ARTICLES }, (_, i) => article(i));
const t0 = performance.now();
const index = buildArticleIndex(articles, 'fr');
const kbIndexMs = performance.now() - t0;
const queries = ['reseau', 'imprimante', 'mot de passe', 'VPN', 'ecran', 'courriel', 'cable', 'securite'];
const kb: number[] = [];
for (let r = 0; r < RUNS * 5; r++) {
  const s = performance.now();
  index.search(queries[r % queries.length]).slice(0, 20);
  kb.push(performance.now() - s);
}
await db.close();

writeResults('test/bench/results/console.json', {
  filter_sort_p95_ms: round(percentile(samples, 0.95)),
  kb_search_p95_ms: round(percentile(kb, 0.95)),
  cold_start_ms: null,
  tickets: TICKETS,
  articles: ARTICLES,
  filter_sort_no_text_p95_ms: round(percentile(noText, 0.95)),
  filter_sort_text_p95_ms: round(percentile(withText, 0.95)),
  kb_index_build_ms: round(kbIndexMs),
  ...perQueue,
});
