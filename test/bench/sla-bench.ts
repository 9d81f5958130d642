/**
 * SLA clock benchmark: `npm run bench:sla [tickets]`. Computes every clock of every ticket (as the client does
 * for its queues) and one ticket's clocks after a new event; then, on PostgreSQL, the server's scheduler scan among
 * the due actions of SLA_BENCH_OPEN_TICKETS (default 100,000) open tickets and the push-time feed of 200 tickets
 * (sla/scheduler-scan.ts). Writes test/bench/results/sla.json. `SLA_BENCH_ONLY=scheduler` runs the server part alone
 * and updates its figures in sla.json, keeping the client's; `SLA_BENCH_ONLY=client` runs the client part alone
 * (no PostgreSQL needed) and keeps the server's figures. The client load is recorded with the figures.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { CALENDAR_TEMPLATES, SLA_POLICY_TEMPLATES, computeSlaClocks, type TicketEvent } from '../../shared/src/index.js';
import { benchSchedulerScan } from './sla/scheduler-scan.js';

const RESULTS = new URL('./results/sla.json', import.meta.url);
const OPEN_TICKETS = Number(process.env.SLA_BENCH_OPEN_TICKETS ?? 100_000);
const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
if (process.env.SLA_BENCH_ONLY === 'scheduler') {
  const result = { ...previous, ...(await benchSchedulerScan(OPEN_TICKETS)) };
  console.log(result);
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  process.exit(0);
}

// The target is stated for 100,000 tickets with their events.
const TICKETS = Number(process.argv[2] ?? 100_000);
const EVENTS_PER_TICKET = 12;
const HEAVY_EVENTS = 200;
const H = 3_600_000;
const base = Date.UTC(2026, 0, 5, 14);
const calendars = new Map(CALENDAR_TEMPLATES.map((c) => [c.id, c]));
const statuses = ['in_progress', 'pending', 'in_progress', 'pending', 'in_progress', 'resolved', 'in_progress'];

function ticketEvents(id: string, created: number, count: number): TicketEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${id}-e${i}`,
    ticketId: id,
    kind: i % 3 === 0 ? 'comment' : 'status_change',
    authorId: 'tech',
    occurredAt: created + (i + 1) * 2 * H,
    body: '',
    minutes: 0,
    fromValue: '',
    toValue: statuses[i % statuses.length] ?? 'in_progress',
  }));
}

/** The server part's figures from an earlier run, kept when only the client part runs. */
function pickServerFigures(earlier: Record<string, unknown>): Record<string, unknown> {
  const serverKeys = /^(open_tickets|sla_due_rows|scheduler_|feed_|server_)/;
  return Object.fromEntries(Object.entries(earlier).filter(([k]) => serverKeys.test(k)));
}

const percentile = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

const tickets = Array.from({ length: TICKETS }, (_, i) => {
  const created = base + (i % 500) * 37 * 60_000;
  return {
    id: `t${i}`,
    createdAt: created,
    callerId: 'caller',
    events: ticketEvents(`t${i}`, created, EVENTS_PER_TICKET),
    policy: SLA_POLICY_TEMPLATES[i % 3],
  };
});
const now = base + 40 * 24 * H;
const clocksOf = (t: (typeof tickets)[number], events: TicketEvent[]) =>
  computeSlaClocks({
    ticket: t,
    events,
    match: { policy: t.policy, matchedOn: ['priorities'] },
    calendar: calendars.get(t.policy.calendarId)!,
    now,
  });

// Warm the holiday and day caches as a running client would have them.
for (const t of tickets.slice(0, 50)) clocksOf(t, t.events);

// The client's tickets are long-lived; settle the freshly built ones into the old generation before timing
// (`npm run bench:sla` runs node with --expose-gc, as bench:console does).
const settle = (): void => (globalThis as { gc?: () => void }).gc?.();
settle();

let started = performance.now();
let sink = 0;
for (const t of tickets) sink += [...t.events].sort((a, b) => a.occurredAt - b.occurredAt).length;
const baselineMs = performance.now() - started;

settle();
started = performance.now();
// CPU time too: on a shared machine the wall time mostly says how busy the others were.
const cpuStarted = process.cpuUsage();
for (const t of tickets) sink += clocksOf(t, t.events).clocks.length;
const allMs = performance.now() - started;
const allCpu = process.cpuUsage(cpuStarted);

const heavy = tickets.slice(0, 200).map((t) => ({ ...t, events: ticketEvents(t.id, t.createdAt, HEAVY_EVENTS) }));
const perTicket: number[] = [];
for (const t of heavy) {
  const s = performance.now();
  sink += clocksOf(t, t.events).clocks.length;
  perTicket.push(performance.now() - s);
}
const update: number[] = [];
for (const t of tickets.slice(0, 1000)) {
  const extra: TicketEvent = { ...t.events[0], id: `${t.id}-new`, occurredAt: now - H, kind: 'comment' };
  const s = performance.now();
  sink += clocksOf(t, [...t.events, extra]).clocks.length;
  update.push(performance.now() - s);
}

const result = {
  tickets: TICKETS,
  events_per_ticket: EVENTS_PER_TICKET,
  sla_all_ms: Math.round(allMs),
  // User + system CPU of the process (GC helper threads included) while computing every clock.
  sla_all_cpu_ms: Math.round((allCpu.user + allCpu.system) / 1000),
  raw_baseline_sort_ms: Math.round(baselineMs),
  tickets_per_second: Math.round(TICKETS / (allMs / 1000)),
  heavy_ticket_events: HEAVY_EVENTS,
  heavy_ticket_p50_ms: Number(percentile(perTicket, 50).toFixed(3)),
  heavy_ticket_p99_ms: Number(percentile(perTicket, 99).toFixed(3)),
  sla_update_p95_ms: Number(percentile(update, 95).toFixed(3)),
  sink,
  client_bench_load_average: Number(loadavg()[0]?.toFixed(2)),
  ...(process.env.SLA_BENCH_ONLY === 'client' ? pickServerFigures(previous) : await benchSchedulerScan(OPEN_TICKETS)),
};
console.log(result);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
