import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { ApiClient } from '../../server/src/test-support/api-client.js';
import { makeEvent, makeTicket } from '../../server/src/test-support/fixtures.js';
import { ClientHandle } from './chaos/client-handle.js';
import { diffReplica } from './chaos/oracle.js';
import { DEFAULT_WEIGHTS, type ClientSnapshot, type OperationWeights } from './chaos/types.js';
import {
  createDatabase,
  openDirect,
  probePostgres,
  seedDirectory,
  type DatabaseKind,
  type ReliabilityDatabase,
} from './support/databases.js';
import { NO_FAULTS } from './support/fault-fetch.js';
import { spawnServer, type ServerProcess } from './support/server-process.js';

const postgres = await probePostgres();
const BATCH = 400;
const PUSHERS = 3;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface BatchOutcome {
  tag: string;
  acknowledged: boolean;
}

/** Counts of stored events per batch tag, in one statement (one consistent snapshot). */
async function batchCounts(db: Database): Promise<Map<string, number>> {
  const rows = await db.query<{ tag: string; n: number }>(
    `SELECT split_part(data->>'body', ' ', 1) AS tag, count(*)::int AS n FROM sync_documents
     WHERE collection = 'ticket_events' AND data->>'body' LIKE 'batch-%' GROUP BY 1`,
  );
  return new Map(rows.map((r) => [r.tag, Number(r.n)]));
}

/** Pushes batches of events in a loop until told to stop; records which ones the server acknowledged. */
async function pusher(
  api: ApiClient,
  token: string,
  ticketId: string,
  name: string,
  stop: () => boolean,
  out: BatchOutcome[],
): Promise<void> {
  for (let n = 0; !stop(); n++) {
    const tag = `batch-${name}-${n}`;
    const rows = Array.from({ length: BATCH }, (_, i) => ({
      newDocumentState: makeEvent(ticketId, 'usr-supervisor', { body: `${tag} ${i}` }),
    }));
    let acknowledged: boolean;
    try {
      const response = await api.push(token, 'ticket_events', rows);
      acknowledged = response.status === 200;
    } catch {
      acknowledged = false;
    }
    out.push({ tag, acknowledged });
    if (!acknowledged) return;
  }
}

/** Pull checkpoints per collection, in request order, from the client's pull URLs. */
function checkpointsByCollection(pulls: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const url of pulls) {
    const match = /\/api\/sync\/([^/]+)\/pull\?checkpoint=(\d+)/.exec(url);
    if (!match) continue;
    out.set(match[1], [...(out.get(match[1]) ?? []), Number(match[2])]);
  }
  return out;
}

async function scenario(kind: DatabaseKind, cleanup: (fn: () => Promise<void>) => void): Promise<void> {
  const database: ReliabilityDatabase = await createDatabase(kind);
  cleanup(() => database.dispose());
  await seedDirectory(database);
  let server: ServerProcess = await spawnServer({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
  cleanup(() => server.kill('SIGKILL'));
  const port = server.port;
  const api = new ApiClient(server.url);
  const supervisor = await api.login('supervisor@example.org');
  const ticket = makeTicket({ groupId: 'grp-field', status: 'assigned' });
  await api.create(supervisor.accessToken, 'tickets', [ticket]);

  // A device replicating (and writing) through the crash, to check it resumes from its checkpoints.
  const device = new ClientHandle(0);
  cleanup(() => device.close());
  const weights: OperationWeights = { ...DEFAULT_WEIGHTS, createTicket: 0, deleteTicket: 0, resolveConflict: 0, changeStatus: 0 };
  await device.start({
    index: 0,
    seed: 1,
    serverUrl: server.url,
    email: 'agent@example.org',
    password: 'demo-pass-2026',
    hotTicketIds: [ticket.id],
    faults: NO_FAULTS,
    weights,
    maxPauseMs: 30,
    offlineChance: 0,
    retryTime: 250,
    devMode: false,
  });
  const deviceRun = device.run(300);

  // Pushers, and a reader checking that no batch is ever half visible while they run.
  let killed = false;
  const outcomes: BatchOutcome[][] = Array.from({ length: PUSHERS }, () => []);
  const pushers = outcomes.map((out, i) => pusher(api, supervisor.accessToken, ticket.id, `p${i}`, () => killed, out));
  const partialSightings: string[] = [];
  let reader: Database | undefined;
  if (kind === 'postgres') {
    reader = await openDirect(database);
    cleanup(() => reader!.close());
  }
  const readerLoop = (async () => {
    while (!killed && reader) {
      for (const [tag, n] of await batchCounts(reader).catch(() => new Map<string, number>())) {
        if (n !== BATCH) partialSightings.push(`${tag}: ${n} of ${BATCH} visible`);
      }
      await sleep(25);
    }
  })();

  // Kill while pushes are in flight (every pusher always has a request out), once a few batches went through.
  const started = Date.now();
  while (outcomes.flat().filter((o) => o.acknowledged).length < 3 && Date.now() - started < 20_000) await sleep(20);
  await sleep(Math.floor(Math.random() * 200));
  await server.kill('SIGKILL');
  killed = true;
  await Promise.all([...pushers, readerLoop]);
  await sleep(800);
  server = await spawnServer({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, port });

  const all = outcomes.flat();
  const acknowledged = all.filter((o) => o.acknowledged);
  const interrupted = all.filter((o) => !o.acknowledged);
  expect(acknowledged.length, 'some batches were acknowledged before the crash').toBeGreaterThan(0);
  expect(interrupted.length, 'the crash interrupted pushes in flight').toBeGreaterThan(0);

  // Stored state after the restart, read through the restarted server's own database.
  const direct = await openDirect(database);
  let counts: Map<string, number>;
  try {
    counts = await batchCounts(direct);
  } finally {
    await direct.close();
  }
  for (const { tag } of acknowledged) expect(counts.get(tag), `acknowledged ${tag} is complete after the restart`).toBe(BATCH);
  for (const [tag, n] of counts) expect(n, `${tag} is all or nothing`).toBe(BATCH);
  expect(partialSightings).toEqual([]);

  // The same through the API of the restarted server.
  const after = new ApiClient(server.url);
  const events = (await after.pullAll(supervisor.accessToken, 'ticket_events', null, 2000)).docs;
  const tags = new Map<string, number>();
  for (const event of events.values()) {
    const tag = String(event.body).split(' ')[0];
    if (tag.startsWith('batch-')) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  expect(tags).toEqual(counts);

  // The device carries on: its pending writes reach the server, it converges, and it never pulled from 0 again.
  await deviceRun;
  const settled = await device.settle(30_000);
  expect(settled).toMatchObject({ pendingPush: 0, inSync: true });
  const snapshot: ClientSnapshot = await device.snapshot();
  const agent = await after.login('agent@example.org');
  const serverTickets = (await after.pullAll(agent.accessToken, 'tickets', null, 2000)).docs;
  const serverEvents = (await after.pullAll(agent.accessToken, 'ticket_events', null, 2000)).docs;
  expect(diffReplica('device tickets', snapshot.tickets, serverTickets)).toEqual([]);
  expect(diffReplica('device events', snapshot.events, serverEvents)).toEqual([]);
  const checkpoints = checkpointsByCollection(snapshot.pulls);
  for (const [collection, list] of checkpoints) {
    // A full resync would show as a pull from an older checkpoint (0) after a newer one.
    const restarts = list.filter((seq, i) => i > 0 && seq < list[i - 1]);
    expect(restarts, `${collection} pulls went back to an older checkpoint: ${list.join(',')}`).toEqual([]);
  }
  const records = await device.records();
  expect(records.events.length, 'the device wrote through the crash').toBeGreaterThan(10);
  console.log(
    `crash [${kind}]: ${acknowledged.length} batches acknowledged, ${interrupted.length} interrupted by SIGKILL, ` +
      `${[...counts.values()].reduce((a, b) => a + b, 0)} batch events stored; device wrote ${records.events.length} events, ` +
      `pulls per collection ${JSON.stringify(Object.fromEntries([...checkpoints].map(([c, l]) => [c, l.length])))}`,
  );
}

describe('crash safety: the server is killed (SIGKILL) in the middle of push batches and restarted', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = (fn: () => Promise<void>): void => void cleanups.push(fn);
  afterAll(async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  });

  it.skipIf(!postgres.available)(
    postgres.available
      ? 'on PostgreSQL: no acknowledged write lost, no half batch visible, clients resume from their checkpoints'
      : `on PostgreSQL SKIPPED: ${postgres.reason}`,
    () => scenario('postgres', cleanup),
    120_000,
  );

  // PGlite (a data folder) is the fallback when PostgreSQL is unreachable; RELIABILITY_PGLITE=1 runs it as well.
  const pgliteToo = !postgres.available || process.env.RELIABILITY_PGLITE === '1';
  it.skipIf(!pgliteToo)(
    pgliteToo
      ? 'on PGlite (data folder): no acknowledged write lost, no half batch visible, clients resume from their checkpoints'
      : 'on PGlite SKIPPED: PostgreSQL is available and covers it (RELIABILITY_PGLITE=1 runs it too)',
    () => scenario('pglite', cleanup),
    120_000,
  );
});
