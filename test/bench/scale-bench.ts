// npm run bench:scale — live sync streams at scale (issue 16). One server in this process (PGlite in memory, or a
// scratch PostgreSQL database when DATABASE_URL is set), N simulated devices in a child process each holding a
// `tickets` live stream over loopback (mixed roles: technicians of every group, agents, supervisors), and an admin
// pushing accepted ticket edits at a steady rate spread over the groups, security incidents included.
//   live_clients                         streams open at the end
//   propagation_p50_ms / _p99_ms         push answered -> signal at a device allowed to see the edit (0 when the
//                                        signal came first); propagation_from_send_*: from the push's sending
//   pulls_per_change                     signals at devices with nothing to pull (wasted pulls), per accepted change
//                                        (estimated: signals carry no id, see scale/analysis.ts)
//   signals_at_blind_devices             signals at devices whose person may see none of the edits: exact, must be 0
//   missed_signals                       (device, visible change) pairs with no signal after the change: must be 0
//   server_rss_mb / server_cpu_pct       this process (server and writer) during the load; 100 % = one core
// Options: --clients N (BENCH_CLIENTS, 2000), --seconds S (BENCH_SECONDS, 20), --rate R changes/s (BENCH_RATE, 60).
// --instances 2 (with DATABASE_URL): a second server instance on the same database holds the streams while the edits
// go to the first, so every signal crosses LISTEN/NOTIFY; figures go to results/scale-2-instances.json.
// Traffic goes to 127.0.0.1 only; the run ends by itself (a watchdog exits after the load plus three minutes).
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { canSeeTicket, type Actor, type LoginResponse, type Ticket } from '../../shared/src/index.js';
import { buildTicket } from '../../shared/src/testing/build-records.js';
import { startServer } from '../../server/src/app.js';
import { createScratchDatabase } from './lib/bench-database.js';
import { percentile, round, writeResults } from './lib/stats.js';
import { analyseSignals, type Change } from './scale/analysis.js';
import type { DevicesCommand, DevicesReport } from './scale/protocol.js';

function option(name: string, env: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const raw = index >= 0 ? process.argv[index + 1] : process.env[env];
  const value = Number(raw ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${String(raw)}`);
  return value;
}

const clients = Math.floor(option('clients', 'BENCH_CLIENTS', 2000));
const seconds = option('seconds', 'BENCH_SECONDS', 20);
const rate = option('rate', 'BENCH_RATE', 60);
const instances = Math.floor(option('instances', 'BENCH_INSTANCES', 1));
if (instances > 2 || (instances === 2 && !process.env.DATABASE_URL)) {
  throw new Error('--instances 2 needs DATABASE_URL: only PostgreSQL is shared by instances');
}
const DRAIN_MS = 3000;
const MAX_IN_FLIGHT = 16;
const now = (): number => performance.timeOrigin + performance.now();

const watchdog = setTimeout(
  () => {
    console.error('scale bench: still running after its time limit, giving up');
    process.exit(2);
  },
  (seconds + 180) * 1000,
);
watchdog.unref();

const scratch = process.env.DATABASE_URL ? await createScratchDatabase('bench_scale') : null;
const serverOptions = {
  port: 0,
  host: '127.0.0.1',
  ...(scratch ? { databaseUrl: scratch.url } : { dataDir: 'memory://' }),
  seedDemo: true,
  logLevel: 'warn',
  slaSchedulerMs: 0,
  // Every device of a person signs in once per person; the bench's sign-ins all come from one address.
  loginLimits: { requestsPerMinute: 100_000 },
};
const server = await startServer(serverOptions);
// The instance the devices stream from: the same one, or a second one that hears the edits through NOTIFY.
const streamServer = instances === 2 ? await startServer(serverOptions) : server;
const devicesProcess = fork(new URL('./scale/devices.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'] });
const fromDevices = <K extends DevicesReport['kind']>(kind: K): Promise<Extract<DevicesReport, { kind: K }>> =>
  new Promise((resolve) => {
    const listener = (message: DevicesReport): void => {
      if (message.kind !== kind) return;
      devicesProcess.off('message', listener);
      resolve(message as Extract<DevicesReport, { kind: K }>);
    };
    devicesProcess.on('message', listener);
  });
const toDevices = (command: DevicesCommand): void => void devicesProcess.send(command);

async function api<T>(path: string, token: string | null, body: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

try {
  // The people: every active account of the seeded directory, signed in once each.
  const users = await server.db.query<{ data: { email: string; role: string; active: boolean } }>(
    `SELECT data FROM sync_documents WHERE collection = 'directory' AND data->>'kind' = 'user' AND NOT deleted ORDER BY id`,
  );
  const people: { actor: Actor; token: string }[] = [];
  for (const { data } of users) {
    if (!data.active || data.role === '') continue;
    const login = await api<LoginResponse>('/api/auth/login', null, { email: data.email, password: 'demo-pass-2026' });
    if (login.status !== 200) throw new Error(`sign-in of ${data.email} failed: ${login.status}`);
    const { id, role, groupIds } = login.body.user;
    people.push({ actor: { id, role, groupIds }, token: login.body.accessToken });
  }
  const admin = people.find((p) => p.actor.role === 'admin');
  if (!admin) throw new Error('the seeded directory has no administrator');
  const byRole = (roles: string[]) => people.map((p, i) => [p, i] as const).filter(([p]) => roles.includes(p.actor.role));
  // Half technicians, a third agents, the rest supervisors and admins: a desk's devices, most of them filtered.
  const pools = [byRole(['technician']), byRole(['agent']), byRole(['supervisor', 'admin'])];
  const shares = [0.5, 0.35, 0.15];
  const owners: number[] = [];
  for (let device = 0; device < clients; device++) {
    const slot = (device % 20) / 20;
    const pool = slot < shares[0] ? pools[0] : slot < shares[0] + shares[1] ? pools[1] : pools[2];
    owners.push(pool[Math.floor(device / 20) % pool.length][1]);
  }

  // The edited tickets: ten per group, the security group's as security incidents. Business applications get none:
  // the technicians of that group alone may see none of the edits, an exact control (each signal of theirs is wasted).
  const groups = ['grp-service-desk', 'grp-field', 'grp-network', 'grp-security'];
  const technicians = pools[0].map(([p]) => p.actor);
  const created = groups.flatMap((groupId) =>
    Array.from({ length: 10 }, (_, i) => {
      const assignee = i % 2 === 0 ? technicians.find((t) => t.groupIds.includes(groupId)) : undefined;
      return {
        ...buildTicket({
          groupId,
          assigneeId: assignee?.id ?? '',
          ...(groupId === 'grp-security' ? { security: true, categoryId: 'cat-security-phishing' } : {}),
        }),
        _deleted: false,
      };
    }),
  );
  const createdPush = await api<Record<string, unknown>[]>(
    '/api/sync/tickets/push',
    admin.token,
    created.map((newDocumentState) => ({ newDocumentState })),
  );
  if (createdPush.status !== 200) throw new Error(`creating the bench tickets failed: ${createdPush.status}`);
  const answered = new Map(createdPush.body.map((doc) => [String(doc.id), doc]));
  const tickets: (Ticket & { _deleted: boolean })[] = created.map((t) => ({ ...t, ...answered.get(t.id) }));

  console.log(`scale: ${people.length} people, ${clients} devices (tickets streams), ${tickets.length} tickets edited`);
  const opening = fromDevices('opened');
  toDevices({ kind: 'open', url: streamServer.url, tokens: owners.map((person) => people[person].token) });
  const opened = await opening;
  console.log(`scale: ${opened.live} of ${clients} streams open; ${rate} changes/s for ${seconds} s`);
  await new Promise((resolve) => setTimeout(resolve, 1000));

  // The load: pushes started on a steady clock, at most MAX_IN_FLIGHT at once, never two on one ticket.
  const changes: Change[] = [];
  const pushMs: number[] = [];
  let refused = 0;
  let skipped = 0;
  const busy = new Set<number>();
  const inFlight = new Set<Promise<void>>();
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  const cpuBefore = process.cpuUsage();
  const startedAt = now();
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i++) {
    const due = startedAt + (i * 1000) / rate;
    if (due > now()) await new Promise((resolve) => setTimeout(resolve, due - now()));
    if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    let index = i % tickets.length;
    for (let tries = 0; busy.has(index) && tries < tickets.length; tries++) index = (index + 1) % tickets.length;
    if (busy.has(index)) {
      skipped++;
      continue;
    }
    busy.add(index);
    const current = tickets[index];
    const next = { ...current, title: `Scale probe ${i}` };
    const sentAt = now();
    const push = api<Record<string, unknown>[]>('/api/sync/tickets/push', admin.token, [
      { assumedMasterState: current, newDocumentState: next },
    ]).then(({ status, body }) => {
      const acceptedAt = now();
      busy.delete(index);
      if (status !== 200 || body.length > 0) {
        refused++;
        if (status === 200 && body[0]) tickets[index] = body[0] as unknown as Ticket & { _deleted: boolean };
        return;
      }
      tickets[index] = next;
      pushMs.push(acceptedAt - sentAt);
      changes.push({ sentAt, acceptedAt, visibleTo: people.map((p) => canSeeTicket(p.actor, next)) });
    });
    const tracked: Promise<void> = push.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  const loadMs = now() - startedAt;
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(rssTimer);
  const wallMs = now() - startedAt;

  const reporting = fromDevices('report');
  toDevices({ kind: 'report' });
  const report = await reporting;
  changes.sort((a, b) => a.sentAt - b.sentAt);
  const figures = analyseSignals(changes, owners, report.signals);
  const blind = new Set(people.map((_, person) => person).filter((person) => !changes.some((c) => c.visibleTo[person])));
  const blindDevices = owners.map((person, device) => [person, device] as const).filter(([person]) => blind.has(person));
  const visiblePairs = changes.reduce((sum, change) => sum + owners.filter((person) => change.visibleTo[person]).length, 0);
  const results = {
    measured_at: new Date().toISOString(),
    machine: `${process.platform} ${process.arch}, Node ${process.version}`,
    database: scratch ? 'postgresql' : 'pglite',
    instances,
    load_average_1m: round(loadavg()[0], 2),
    clients_requested: clients,
    live_clients: report.live,
    people: people.length,
    seconds_of_load: round(loadMs / 1000, 1),
    changes_accepted: changes.length,
    changes_refused: refused,
    changes_skipped_ticket_busy: skipped,
    changes_per_s: round(changes.length / (loadMs / 1000), 1),
    push_p50_ms: round(percentile(pushMs, 0.5), 1),
    push_p99_ms: round(percentile(pushMs, 0.99), 1),
    propagation_p50_ms: round(percentile(figures.propagationMs, 0.5), 1),
    propagation_p99_ms: round(percentile(figures.propagationMs, 0.99), 1),
    propagation_from_send_p50_ms: round(percentile(figures.fromSendMs, 0.5), 1),
    propagation_from_send_p99_ms: round(percentile(figures.fromSendMs, 0.99), 1),
    ...(instances === 2 ? { instances_2_propagation_p99_ms: round(percentile(figures.propagationMs, 0.99), 1) } : {}),
    propagation_samples: figures.propagationMs.length,
    visible_pairs: visiblePairs,
    missed_signals: figures.missed,
    signals_received: figures.signals,
    wasted_signals: figures.wasted,
    pulls_per_change: round(figures.wasted / Math.max(1, changes.length), 3),
    blind_devices: blindDevices.length,
    signals_at_blind_devices: blindDevices.reduce((sum, [, device]) => sum + (report.signals[device]?.length ?? 0), 0),
    server_rss_mb: round(peakRss / 2 ** 20, 0),
    server_cpu_pct: round(((cpu.user + cpu.system) / 1000 / wallMs) * 100, 1),
  };
  const file = instances === 2 ? './results/scale-2-instances.json' : './results/scale.json';
  writeResults(new URL(file, import.meta.url).pathname, results);
} finally {
  toDevices({ kind: 'close' });
  if (streamServer !== server) await streamServer.close();
  await server.close();
  await scratch?.drop();
  setTimeout(() => devicesProcess.kill(), 2000).unref();
}
