// The server side of `npm run bench:sla`, on PostgreSQL (a scratch database, dropped afterwards):
//   scheduler_scan_ms     finding and claiming everything due, as a scheduler pass does (takeDueSlaActions in batches
//                         of 100: the indexed "what is due now" query, FOR UPDATE SKIP LOCKED, marking rows fired)
//                         among the sla_due rows of `open_tickets` open tickets (4 actions each; a fifth of them have
//                         an action already fired, history with past due times), `scheduler_due_rows` of them due;
//                         median of 20 runs, each rolled back so every run finds the same rows.
//   feed_200_tickets_ms   re-planning 200 pushed tickets (12 events each) as the push effect does (feedSlaDue: settings,
//                         tickets, events, people, 200 clock computations, one delete + one upsert); median of 10
//                         runs after one cold run (feed_200_tickets_cold_ms), each rolled back.
import { loadavg } from 'node:os';
import { CALENDAR_TEMPLATES, SLA_POLICY_TEMPLATES, type TicketEvent } from '../../../shared/src/index.js';
import { buildTicket } from '../../../shared/src/testing/build-records.js';
import type { Database } from '../../../server/src/db/database.js';
import { openDatabase } from '../../../server/src/db/open-database.js';
import { takeDueSlaActions } from '../../../server/src/db/queries/sla-due.js';
import { feedSlaDue } from '../../../server/src/services/sla/sla-feed.js';
import type { SyncDocument } from '../../../server/src/services/sync/document-validation.js';
import { writeServerDocuments } from '../../../server/src/services/sync/server-writes.js';
import { createScratchDatabase } from '../lib/bench-database.js';
import { percentile, round } from '../lib/stats.js';

const H = 3_600_000;
/** runSlaSchedulerPass's default batch. */
const SCHEDULER_BATCH = 100;

/** Runs `work` in a transaction that is always rolled back; returns its duration (ms). */
async function timedRollback(db: Database, work: (tx: Database) => Promise<unknown>): Promise<number> {
  const rollback = new Error('rollback');
  let ms = 0;
  await db
    .transaction(async (tx) => {
      const started = performance.now();
      await work(tx as Database);
      ms = performance.now() - started;
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return ms;
}

async function fillDueTable(db: Database, openTickets: number, dueEvery: number): Promise<number> {
  // Four actions per open ticket spread over the next 30 days; one ticket in `dueEvery` has its resolution warning
  // due already; one in five has its first warning fired (history the partial index leaves out).
  await db.query(
    `INSERT INTO sla_due (ticket_id, clock, percent, due_at, recipient, subject, fired_at, fired_by)
     SELECT 'bench-' || g, c.clock, c.percent,
            CASE WHEN c.clock = 'resolution' AND c.percent = 50 AND g % $2 = 0 THEN now() - interval '1 minute'
                 WHEN c.clock = 'first_response' AND c.percent = 50 AND g % 5 = 0 THEN now() - interval '1 day'
                 ELSE now() + (g % 43200) * interval '1 minute' + c.offs END,
            'tech@example.org', 'SLA warning ' || g,
            CASE WHEN c.clock = 'first_response' AND c.percent = 50 AND g % 5 = 0 THEN now() - interval '1 day' END,
            CASE WHEN c.clock = 'first_response' AND c.percent = 50 AND g % 5 = 0 THEN 'bench' END
     FROM generate_series(1, $1::int) AS g
     CROSS JOIN (VALUES ('first_response', 50, interval '0'), ('first_response', 100, interval '1 hour'),
                        ('resolution', 50, interval '4 hours'), ('resolution', 100, interval '8 hours')) AS c(clock, percent, offs)`,
    [openTickets, dueEvery],
  );
  await db.query('ANALYZE sla_due');
  return Math.floor(openTickets / dueEvery);
}

const statuses = ['in_progress', 'pending', 'in_progress', 'pending', 'in_progress', 'worklog'];

async function fillFeedTickets(db: Database, count: number): Promise<string[]> {
  const now = Date.now();
  const settings = [
    ...CALENDAR_TEMPLATES.slice(0, 2).map((c) => ({ id: c.id, kind: 'sla_calendar', data: c })),
    ...SLA_POLICY_TEMPLATES.map((p) => ({ id: p.id, kind: 'sla_policy', data: p })),
  ].map((s) => ({ ...s, updatedAt: now, updatedBy: 'usr-admin', _deleted: false }));
  const people = [
    { id: 'usr-tech', kind: 'user', role: 'technician', email: 'tech@example.org', groupIds: ['grp-field'] },
    { id: 'usr-supervisor', kind: 'user', role: 'supervisor', email: 'supervisor@example.org', groupIds: ['grp-field'] },
  ].map((u) => ({
    ...u,
    name: u.id,
    nameFr: '',
    parentId: '',
    groupId: '',
    locale: 'en',
    active: true,
    updatedAt: now,
    _deleted: false,
  }));
  const tickets = Array.from({ length: count }, (_, i) => {
    const createdAt = now - (1 + (i % 48)) * H;
    const level = ((i % 3) + 1) as 1 | 2 | 3;
    return {
      ...buildTicket({ impact: level, urgency: level, assigneeId: 'usr-tech', createdAt, updatedAt: createdAt }),
      _deleted: false,
    };
  });
  const events = tickets.flatMap((t) =>
    Array.from({ length: 12 }, (_, i): TicketEvent & { _deleted: boolean } => {
      const step = statuses[i % statuses.length] ?? 'worklog';
      return {
        id: `${t.id}-e${i}`,
        ticketId: t.id,
        kind: step === 'worklog' ? 'worklog' : 'status_change',
        authorId: 'usr-tech',
        occurredAt: t.createdAt + (i + 1) * 4 * 60_000,
        body: step === 'pending' ? 'customer' : '',
        minutes: 0,
        fromValue: '',
        toValue: step === 'worklog' ? '' : step,
        _deleted: false,
      };
    }),
  );
  await db.transaction(async (tx) => {
    await writeServerDocuments(tx, 'settings', settings);
    await writeServerDocuments(tx, 'directory', people);
    await writeServerDocuments(tx, 'tickets', tickets);
    await writeServerDocuments(tx, 'ticket_events', events as unknown as SyncDocument[]);
  });
  await db.query('ANALYZE sync_documents');
  return tickets.map((t) => t.id);
}

/** Fills a scratch PostgreSQL database and times the scheduler's scan and the push-time feed. */
export async function benchSchedulerScan(openTickets: number): Promise<Record<string, number>> {
  const scratch = await createScratchDatabase('bench_sla_scheduler');
  const db = await openDatabase({ databaseUrl: scratch.url });
  try {
    const due = await fillDueTable(db, openTickets, 500);
    const scans: number[] = [];
    let found = 0;
    for (let run = 0; run < 21; run++) {
      // As a pass does: claims of SCHEDULER_BATCH until one comes back short.
      const ms = await timedRollback(db, async (tx) => {
        found = 0;
        for (;;) {
          const claimed = (await takeDueSlaActions(tx, 'bench', SCHEDULER_BATCH)).length;
          found += claimed;
          if (claimed < SCHEDULER_BATCH) break;
        }
      });
      if (run > 0) scans.push(ms);
    }
    if (found !== due) throw new Error(`the scan found ${found} due actions, expected ${due}`);

    const ids = await fillFeedTickets(db, 200);
    const cold = await timedRollback(db, (tx) => feedSlaDue(tx, ids));
    const feeds: number[] = [];
    for (let run = 0; run < 10; run++) feeds.push(await timedRollback(db, (tx) => feedSlaDue(tx, ids)));
    let planned = 0;
    await timedRollback(db, async (tx) => {
      await feedSlaDue(tx, ids);
      const rows = await tx.query<{ n: string }>(
        `SELECT count(*) AS n FROM sla_due WHERE ticket_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(ids)],
      );
      planned = Number(rows[0]?.n);
    });
    return {
      open_tickets: openTickets,
      sla_due_rows: openTickets * 4,
      scheduler_due_rows: found,
      scheduler_scan_ms: round(percentile(scans, 0.5)),
      scheduler_scan_p95_ms: round(percentile(scans, 0.95)),
      feed_200_tickets_ms: round(percentile(feeds, 0.5)),
      feed_200_tickets_cold_ms: round(cold),
      feed_200_tickets_rows: planned,
      // Other work on the machine inflates every figure above; recorded so runs can be compared.
      server_bench_load_average: round(loadavg()[0] ?? 0),
    };
  } finally {
    await db.close();
    await scratch.drop();
  }
}
