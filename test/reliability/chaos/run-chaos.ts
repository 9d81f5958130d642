import type { ConflictRecord } from '@shared';
import { ApiClient, type Doc } from '../../../server/src/test-support/api-client.js';
import { makeTicket } from '../../../server/src/test-support/fixtures.js';
import { DEMO_PASSWORD } from '../../../server/src/seed/index.js';
import { createDatabase, seedDirectory, type DatabaseKind } from '../support/databases.js';
import type { FaultConfig, FaultStats } from '../support/fault-fetch.js';
import { spawnServer } from '../support/server-process.js';
import { ClientHandle } from './client-handle.js';
import { checkConvergence, diffReplica, type OracleReport } from './oracle.js';
import {
  DEFAULT_WEIGHTS,
  type ClientIdentity,
  type ClientRecords,
  type ClientSnapshot,
  type OperationWeights,
  type PlainDoc,
} from './types.js';

/** Users of the demo directory the clients sign in as, in turn (a user may have several devices). */
const USERS = [
  'supervisor@example.org',
  'agent@example.org',
  'tech@example.org',
  'admin@example.org',
  'chloe.bouchard@example.org',
  'felix.pelletier@example.org',
  'grace.thompson@example.org',
  'liam.wilson@example.org',
  'olivia.brown@example.org',
  'hannah.lee@example.org',
  'emilie.cote@example.org',
  'lucas.nguyen@example.org',
];

export interface ChaosOptions {
  seed: number;
  clients: number;
  operationsPerClient: number;
  database: DatabaseKind;
  hotTickets?: number;
  faults?: FaultConfig;
  weights?: OperationWeights;
  maxPauseMs?: number;
  offlineChance?: number;
  retryTime?: number;
  /** Total time allowed for every replica to converge after the operations. */
  settleTimeoutMs?: number;
  devMode?: boolean;
  log?: (line: string) => void;
}

export const DEFAULT_FAULTS: FaultConfig = {
  maxDelayMs: 40,
  dropRequest: 0.05,
  dropResponse: 0.08,
  gateway503: 0.03,
  cutStream: 0.3,
};

export interface ChaosResult {
  seed: number;
  database: DatabaseKind;
  clients: number;
  operations: number;
  wallMs: number;
  operationsMs: number;
  settleMs: number;
  converged: boolean;
  documents: { tickets: number; tombstones: number; events: number };
  conflictsRecorded: number;
  oracle: OracleReport;
  refusedByLocalRules: number;
  faults: FaultStats;
  replicationErrors: string[];
  /** Replica vs server differences left after settling, and every oracle problem. */
  problems: string[];
  replay: string;
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** Runs one chaos scenario end to end: server process, N client processes, faults, settle, oracle. */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const log = options.log ?? (() => undefined);
  const replay = `CHAOS_SEED=${options.seed} CHAOS_CLIENTS=${options.clients} CHAOS_OPS=${options.operationsPerClient} npm run test:chaos`;
  log(
    `chaos: seed ${options.seed}, ${options.clients} clients x ${options.operationsPerClient} operations on ${options.database} (replay: ${replay})`,
  );
  const started = Date.now();
  const database = await createDatabase(options.database);
  const handles: ClientHandle[] = [];
  let server: Awaited<ReturnType<typeof spawnServer>> | undefined;
  try {
    await seedDirectory(database);
    server = await spawnServer({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    const api = new ApiClient(server.url);
    const supervisor = await api.login('supervisor@example.org', DEMO_PASSWORD);

    const hotTicketIds: string[] = [];
    const hot = Array.from({ length: options.hotTickets ?? 8 }, (_, i) =>
      makeTicket({ id: `hot-${options.seed}-${i}`, groupId: 'grp-field', status: 'assigned', title: `Hot ticket ${i}` }),
    );
    const pushed = await api.push(
      supervisor.accessToken,
      'tickets',
      hot.map((t) => ({ newDocumentState: t })),
    );
    if (pushed.status !== 200) throw new Error(`could not create the shared tickets: ${JSON.stringify(pushed.body)}`);
    hotTicketIds.push(...hot.map((t) => t.id));

    const identities: ClientIdentity[] = [];
    for (let i = 0; i < options.clients; i++) handles.push(new ClientHandle(i));
    // Start in small groups: every start signs in and pulls.
    for (let i = 0; i < handles.length; i += 4) {
      const group = handles.slice(i, i + 4);
      identities.push(
        ...(await Promise.all(
          group.map((handle) =>
            handle.start({
              index: handle.index,
              seed: options.seed,
              serverUrl: server!.url,
              email: USERS[handle.index % USERS.length],
              password: DEMO_PASSWORD,
              hotTicketIds,
              faults: options.faults ?? DEFAULT_FAULTS,
              weights: options.weights ?? DEFAULT_WEIGHTS,
              maxPauseMs: options.maxPauseMs ?? 40,
              offlineChance: options.offlineChance ?? 0.03,
              retryTime: options.retryTime ?? 300,
              devMode: options.devMode ?? false,
            }),
          ),
        )),
      );
    }
    log(`chaos: ${handles.length} clients started in ${Date.now() - started} ms`);

    const opsStarted = Date.now();
    const records: ClientRecords[] = await Promise.all(handles.map((h) => h.run(options.operationsPerClient)));
    const operationsMs = Date.now() - opsStarted;
    log(`chaos: operations done in ${operationsMs} ms; settling`);

    const settleStarted = Date.now();
    const deadline = settleStarted + (options.settleTimeoutMs ?? 120_000);
    let snapshots: ClientSnapshot[] = [];
    let serverViews: { tickets: Map<string, Doc>; events: Map<string, Doc> }[] = [];
    let differences: string[] = [];
    for (let round = 1; ; round++) {
      const remaining = Math.max(1000, deadline - Date.now());
      const settled = await Promise.all(handles.map((h) => h.settle(Math.min(remaining, 10_000))));
      snapshots = await Promise.all(handles.map((h) => h.snapshot()));
      // One user after the other: twenty full pulls at once can wait longer for a pooled connection than the server
      // allows on a loaded machine (503).
      serverViews = [];
      for (const identity of identities) {
        serverViews.push({
          tickets: (await retryOn503(() => api.pullAll(identity.accessToken, 'tickets', null, 2000))).docs,
          events: (await retryOn503(() => api.pullAll(identity.accessToken, 'ticket_events', null, 2000))).docs,
        });
      }
      // A document that left a user's scope leaves their device too (issue 15 item 9): one still there is a difference.
      differences = snapshots.flatMap((snapshot, i) => {
        return [
          ...(settled[i].pendingPush > 0 || !settled[i].inSync
            ? [
                `client ${i}: ${settled[i].pendingPush} changes still pending, in sync: ${settled[i].inSync}, error: ${settled[i].error}`,
              ]
            : []),
          ...diffReplica(`client ${i} tickets`, snapshot.tickets, serverViews[i].tickets, 5),
          ...diffReplica(`client ${i} events`, snapshot.events, serverViews[i].events, 5),
        ];
      });
      if (differences.length === 0 || Date.now() >= deadline) break;
      log(
        `chaos: settle round ${round}: ${differences.length} differences left, e.g.\n  ${differences.slice(0, 4).join('\n  ')}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const settleMs = Date.now() - settleStarted;

    const all = await api.pullAll(supervisor.accessToken, 'tickets', null, 2000);
    const allEvents = await api.pullAll(supervisor.accessToken, 'ticket_events', null, 2000);
    const serverTickets = all.docs as Map<string, PlainDoc & { _deleted?: boolean }>;
    const serverEvents = allEvents.docs as Map<string, PlainDoc & { _deleted?: boolean }>;
    const conflicts = new Map<number, ConflictRecord[]>(snapshots.map((s, i) => [i, s.conflicts]));
    const oracle = checkConvergence({
      serverTickets,
      serverEvents,
      edits: records.flatMap((r) => r.edits),
      events: records.flatMap((r) => r.events),
      createdTickets: records.flatMap((r) => r.createdTickets),
      deletions: records.flatMap((r) => r.deletions),
      conflicts,
    });
    const faults = records
      .map((r) => r.faults)
      .reduce<FaultStats>(
        (a, b) => ({
          requests: a.requests + b.requests,
          droppedRequests: a.droppedRequests + b.droppedRequests,
          droppedResponses: a.droppedResponses + b.droppedResponses,
          gateway503: a.gateway503 + b.gateway503,
          cutStreams: a.cutStreams + b.cutStreams,
        }),
        { requests: 0, droppedRequests: 0, droppedResponses: 0, gateway503: 0, cutStreams: 0 },
      );
    const tombstones = [...serverTickets.values()].filter((t) => t._deleted).length;
    return {
      seed: options.seed,
      database: options.database,
      clients: options.clients,
      operations: options.clients * options.operationsPerClient,
      wallMs: Date.now() - started,
      operationsMs,
      settleMs,
      converged: differences.length === 0,
      documents: { tickets: serverTickets.size - tombstones, tombstones, events: serverEvents.size },
      conflictsRecorded: sum(snapshots.map((s) => s.conflicts.length)),
      oracle,
      refusedByLocalRules: sum(records.map((r) => r.refused)),
      faults,
      replicationErrors: [...new Set(records.flatMap((r) => r.replicationErrors))].slice(0, 20),
      problems: [...differences, ...oracle.problems],
      replay,
    };
  } finally {
    await Promise.all(handles.map((h) => h.close().catch(() => h.kill())));
    await server?.kill('SIGTERM');
    await database.dispose();
  }
}

/**
 * The oracle's own pulls (one per client, all at once) can find the database pool busy on a loaded machine; the
 * server then answers 503 and says that sending the same request again is safe, so the harness does.
 */
async function retryOn503<T>(pull: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pull();
    } catch (error) {
      if (attempt >= attempts || !String(error).includes('pull failed: 503')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000 * attempt));
    }
  }
}

/** One paragraph of figures for logs and the report. */
export function describeChaos(result: ChaosResult): string {
  const e = result.oracle.edits;
  return [
    `chaos seed ${result.seed} on ${result.database}: ${result.clients} clients x ${result.operations / result.clients} operations = ${result.operations}`,
    `wall ${(result.wallMs / 1000).toFixed(1)} s (operations ${(result.operationsMs / 1000).toFixed(1)} s, settle ${(result.settleMs / 1000).toFixed(1)} s)`,
    `server: ${result.documents.tickets} tickets + ${result.documents.tombstones} tombstones, ${result.documents.events} events`,
    `edits ${e.total}: ${e.inFinalState} in final state, ${e.recordedAsConflict} recorded as conflicts, ${e.supersededByOwnLaterEdit} superseded by the same client, ${e.replacedByOthers} replaced by edits that started from them`,
    `conflict records ${result.conflictsRecorded}; acknowledged events ${result.oracle.acknowledgedEvents} (${result.oracle.setAsideEvents} set aside); tickets created ${result.oracle.createdTickets} (${result.oracle.setAsideTickets} refused, ${e.inRefusedCreation} edits in them); refused by local rules ${result.refusedByLocalRules}`,
    `faults: ${result.faults.requests} requests, ${result.faults.droppedRequests} lost requests, ${result.faults.droppedResponses} lost responses, ${result.faults.gateway503} injected 503, ${result.faults.cutStreams} cut streams`,
    `converged: ${result.converged}; problems: ${result.problems.length}`,
  ].join('\n');
}
