import { COLLECTION_DEFINITIONS, SYNC_PROTOCOL_VERSION } from '@shared';
import type { PullResponse, PushResponse, RefusalCode, ReplicatedCollection, SyncCheckpoint } from '@shared';
import type { Observable } from 'rxjs';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type {
  ReplicationPullOptions,
  ReplicationPushOptions,
  RxCollection,
  RxReplicationPullStreamItem,
  RxReplicationWriteToMasterRow,
  WithDeleted,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { pickSchemaFields, replicatedState } from '../doc-utils.js';
import type { DeskDatabase, PlainDoc } from '../types.js';
import type { ConnectivitySource } from './connectivity.js';
import { bootstrapFirstSync } from './first-sync-bootstrap.js';
import { linkMetaInstance } from './first-sync-master-states.js';
import { keepLocalVersions } from './kept-versions.js';
import type { FirstSyncCheckpoints } from './first-sync-bootstrap.js';
import { NetworkError, requestJson } from './http.js';
import type { SyncHttpError } from './http.js';
import type { RequestContext } from './http.js';
import type { PendingTracker } from './pending-tracker.js';
import {
  deferredIds,
  isPermanentRefusal,
  ORPHANED_EVENT_REASON,
  outOfScopeIds,
  refusedCreationId,
  onlyRetryable,
  refusalRecord,
  rowsToShowRefused,
  refusedIds,
  rowRefusal,
  stateAfterRefusal,
} from './push-refusals.js';
import type { RowRefusal } from './push-refusals.js';

type PushRow = RxReplicationWriteToMasterRow<PlainDoc>;

export type DeskReplicationState = RxReplicationState<PlainDoc, SyncCheckpoint>;

/**
 * `servicedesk|<serverUrl>|<collection>|schema-v<n>|protocol-v<n>`: a new server, document shape or wire format
 * starts over. `<n>` is the definition's `replicationVersion`: a schema change that keeps it keeps the replication.
 */
export function replicationIdentifier(serverUrl: string, collection: ReplicatedCollection): string {
  const { schema, replicationVersion } = COLLECTION_DEFINITIONS[collection];
  const version = replicationVersion ?? schema.version;
  return `servicedesk|${serverUrl}|${collection}|schema-v${version}|protocol-v${SYNC_PROTOCOL_VERSION}`;
}

export interface CollectionReplicationInput {
  name: ReplicatedCollection;
  collection: RxCollection;
  ctx: RequestContext;
  connectivity: ConnectivitySource;
  tracker: PendingTracker;
  stream$: Observable<RxReplicationPullStreamItem<PlainDoc, SyncCheckpoint>>;
  pullBatchSize: number;
  pushBatchSize: number;
  live: boolean;
  retryTime: number;
  waitForLeadership: boolean;
  onSuccess: (pulled: number) => void;
  onFailure: (err: unknown) => void;
  /** A push was answered: the server may have written other collections meanwhile (WRITTEN_BY_SERVER_ON_PUSH). */
  onPushed: () => void;
}

/** A replication created stopped: `start` runs the first-sync bootstrap when the collection never synced, then RxDB's. */
export interface CollectionReplication {
  state: DeskReplicationState;
  start: () => Promise<void>;
  /** Stops the bootstrap if it runs and cancels the replication. */
  cancel: () => Promise<void>;
}

/** Runs one request, reporting the outcome to the status line. Offline, it fails fast without touching the network. */
async function guarded<T>(input: CollectionReplicationInput, run: () => Promise<T>, count: (r: T) => number): Promise<T> {
  try {
    if (!input.connectivity.isOnline()) throw new NetworkError('The device is offline.');
    const result = await run();
    input.onSuccess(count(result));
    return result;
  } catch (err) {
    input.onFailure(err);
    throw err;
  }
}

/** One pull request; documents keep only the fields the schema knows, so extra server fields never fail validation. */
async function pullPage(
  input: CollectionReplicationInput,
  seq: number,
  limit: number,
): Promise<PullResponse<WithDeleted<PlainDoc>>> {
  const fields = Object.keys(COLLECTION_DEFINITIONS[input.name].schema.properties);
  const path = `/api/sync/${encodeURIComponent(input.name)}/pull?checkpoint=${seq}&limit=${limit}`;
  const res = await guarded(
    input,
    () => requestJson<PullResponse<PlainDoc>>(input.ctx, path),
    (r) => r.documents.length,
  );
  const documents = res.documents.map((d) => pickSchemaFields(d, fields) as WithDeleted<PlainDoc>);
  return { documents, checkpoint: res.checkpoint };
}

/**
 * A push row as it travels: replicated states only. RxDB's schema migration adds `_attachments` to the master states
 * it carries over, which the server would count as a change of state.
 */
function wireRow(row: PushRow): PushRow {
  const { assumedMasterState: assumed, newDocumentState } = row;
  return {
    ...(assumed ? { assumedMasterState: replicatedState(assumed) as WithDeleted<PlainDoc> } : {}),
    newDocumentState: replicatedState(newDocumentState) as WithDeleted<PlainDoc>,
  };
}

/** Resolves after `ms`, when the device comes back online, or when `stop` resolves, whichever comes first. */
function retryWait(ms: number, connectivity: ConnectivitySource, stop: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | undefined;
  return Promise.race([
    stop,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      unsubscribe = connectivity.subscribe((online) => online && resolve());
    }),
  ]).finally(() => {
    clearTimeout(timer);
    unsubscribe?.();
  });
}

/** How many times a deferred row is sent again on its own before it is set aside like a refusal. */
export const MAX_DEFERRED_ATTEMPTS = 6;

/** Sets rows aside (see push-refusals.ts) and answers the states the device must go back to. */
async function setAside(
  input: CollectionReplicationInput,
  rows: readonly PushRow[],
  reason: (row: PushRow) => RowRefusal,
  outOfScope: ReadonlySet<string> = new Set(),
): Promise<PlainDoc[]> {
  const db = input.collection.database as unknown as DeskDatabase;
  // Written before the states are answered: the conflict handler reads these records to let the server state win.
  await keepLocalVersions(
    db,
    rowsToShowRefused(input.name, rows).map((row) => refusalRecord(input.name, row, reason(row), Date.now())),
  );
  return rows.map((row) => stateAfterRefusal(row, outOfScope.has(String(row.newDocumentState.id))));
}

/** The server's reason for each row of a refusal, under `code` (default: from the status). */
function reasonOf(err: SyncHttpError, code?: RefusalCode): (row: PushRow) => RowRefusal {
  return (row) => rowRefusal(err, String(row.newDocumentState.id), code);
}

/** Events whose ticket's creation this device set aside: they can never pass, so they are set aside too. */
async function orphanedEvents(input: CollectionReplicationInput, rows: readonly PushRow[]): Promise<Set<PushRow>> {
  if (input.name !== 'ticket_events' || rows.length === 0) return new Set();
  const db = input.collection.database as unknown as DeskDatabase;
  const ticketIds = [...new Set(rows.map((r) => String(r.newDocumentState.ticketId)))];
  const found = await db.conflicts.findByIds(ticketIds.map((id) => refusedCreationId(id))).exec();
  // A refused creation is a refusal with no server state (remoteValue null); a refused edit leaves the ticket on the server.
  const setAsideTickets = new Set(
    [...found.values()].filter((r) => !r.resolved && r.remoteValue === 'null').map((r) => String(r.docId)),
  );
  return new Set(rows.filter((r) => setAsideTickets.has(String(r.newDocumentState.ticketId))));
}

/**
 * Pushes rows. The server stores the rows that pass even when it refuses others (shared ApiErrorBody.conflicts):
 * rows refused for good are set aside (see push-refusals.ts) and answered with the state the device must go back to;
 * deferred rows (they wait for a document of another collection, e.g. a close waiting for its review) are sent again
 * on their own, after a growing wait, at most MAX_DEFERRED_ATTEMPTS times, then set aside. So no batch is ever
 * resent whole, and two collections waiting on each other both move. A refusal of a push the server did not apply
 * at all (a malformed row) naming no row is narrowed down row by row.
 */
async function pushSettingAsideRefusals(input: CollectionReplicationInput, rows: PushRow[], attempt = 0): Promise<PlainDoc[]> {
  const path = `/api/sync/${encodeURIComponent(input.name)}/push`;
  try {
    const conflicts = await guarded(
      input,
      () => requestJson<PushResponse<PlainDoc>>(input.ctx, path, { method: 'POST', body: JSON.stringify(rows) }),
      () => 0,
    );
    return Array.isArray(conflicts) ? conflicts : [];
  } catch (err) {
    if (!isPermanentRefusal(err)) throw err;
    const results = await settleRefusedPush(input, rows, err, attempt);
    // Handled: the refused rows wait in the conflict view with their reason, so the status line shows no error.
    input.onSuccess(0);
    return results;
  }
}

/** Sets aside what a refused push names, resends the rest or the deferred rows (see pushSettingAsideRefusals). */
async function settleRefusedPush(
  input: CollectionReplicationInput,
  rows: PushRow[],
  err: SyncHttpError,
  attempt: number,
): Promise<PlainDoc[]> {
  const stored = err.body?.conflicts;
  if (!Array.isArray(stored)) {
    // Nothing was stored: an older server, or a request refused before any row was looked at.
    if (onlyRetryable(err)) throw err;
    const named = refusedIds(err, rows);
    if (named.size === 0 && rows.length > 1) {
      const results: PlainDoc[] = [];
      for (const row of rows) results.push(...(await pushSettingAsideRefusals(input, [row], attempt)));
      return results;
    }
    const refused = named.size === 0 ? rows : rows.filter((r) => named.has(String(r.newDocumentState.id)));
    const rest = rows.filter((r) => !refused.includes(r));
    const restConflicts = rest.length > 0 ? await pushSettingAsideRefusals(input, rest, attempt) : [];
    return [...(await setAside(input, refused, reasonOf(err), outOfScopeIds(err))), ...restConflicts];
  }
  const refusedNamed = refusedIds(err, rows);
  const deferredNamed = deferredIds(err);
  const refused = rows.filter((r) => refusedNamed.has(String(r.newDocumentState.id)));
  const waiting = rows.filter(
    (r) => !refusedNamed.has(String(r.newDocumentState.id)) && deferredNamed.has(String(r.newDocumentState.id)),
  );
  const orphans = await orphanedEvents(input, waiting);
  const deferred = waiting.filter((r) => !orphans.has(r));
  const results = [
    ...(stored as PlainDoc[]),
    ...(await setAside(input, refused, reasonOf(err), outOfScopeIds(err))),
    ...(await setAside(input, [...orphans], () => ({ code: 'orphaned', message: ORPHANED_EVENT_REASON }))),
  ];
  if (deferred.length === 0) return results;
  if (attempt + 1 >= MAX_DEFERRED_ATTEMPTS) return [...results, ...(await setAside(input, deferred, reasonOf(err, 'gave_up')))];
  await retryWait(Math.min(input.retryTime * (attempt + 1), 30_000), input.connectivity, new Promise<void>(() => undefined));
  return [...results, ...(await pushSettingAsideRefusals(input, deferred, attempt + 1))];
}

/**
 * The RxDB replication of one collection over the sync protocol, created stopped. A collection that never synced is
 * first filled by the bootstrap (first-sync-bootstrap.ts); RxDB then continues from the bootstrap's checkpoints.
 */
export function replicateCollection(input: CollectionReplicationInput): CollectionReplication {
  const { name, ctx } = input;
  const identifier = replicationIdentifier(ctx.serverUrl, name);
  // In every tab, leader or not: a local write to a first-synced document needs to know where its meta row goes.
  linkMetaInstance(input.collection, identifier).catch(input.onFailure);
  const pull: ReplicationPullOptions<PlainDoc, SyncCheckpoint> = {
    batchSize: input.pullBatchSize,
    stream$: input.stream$,
    handler: async (checkpoint, batchSize) => {
      const res = await pullPage(input, checkpoint?.seq ?? 0, batchSize);
      return { documents: res.documents, checkpoint: res.checkpoint ?? checkpoint };
    },
  };
  const push: ReplicationPushOptions<PlainDoc> = {
    batchSize: input.pushBatchSize,
    handler: async (rows) => {
      input.tracker.onPushStart(rows);
      const list = await pushSettingAsideRefusals(input, rows.map(wireRow));
      input.tracker.onPushDone(rows, list);
      input.onPushed();
      return list.map((d) => ({ ...d, _deleted: d._deleted === true }));
    },
  };
  const state = replicateRxCollection<PlainDoc, SyncCheckpoint>({
    replicationIdentifier: identifier,
    collection: input.collection as RxCollection<PlainDoc>,
    live: input.live,
    retryTime: input.retryTime,
    waitForLeadership: input.waitForLeadership,
    // Started by `start` below, after the bootstrap. RxDB's own start on tab visibility would run the replication
    // alongside the bootstrap, so it is off: the leader tab replicates, visible or not.
    autoStart: false,
    toggleOnDocumentVisible: false,
    pull,
    push,
  });

  let cancelled = false;
  let onCancel: () => void = () => undefined;
  const stop = new Promise<void>((resolve) => (onCancel = resolve));
  const pullUntilDone = async (seq: number, limit: number) => {
    while (!cancelled) {
      try {
        return await pullPage(input, seq, limit);
      } catch {
        await retryWait(input.retryTime, input.connectivity, stop);
      }
    }
    return null;
  };
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    const db = input.collection.database;
    if (input.waitForLeadership && db.multiInstance) await Promise.race([db.waitForLeadership(), stop]);
    if (cancelled) return;
    let checkpoints: FirstSyncCheckpoints = {};
    try {
      checkpoints = await bootstrapFirstSync({
        collection: input.collection,
        replicationIdentifier: identifier,
        batchSize: input.pullBatchSize,
        pull: pullUntilDone,
        isCancelled: () => cancelled,
      });
    } catch (err) {
      // Whatever the bootstrap stored is consistent; RxDB's replication, started from scratch, completes it.
      input.onFailure(err);
    }
    if (cancelled) return;
    // Read by RxDB when the replication starts, and only while it has no checkpoint of its own.
    pull.initialCheckpoint = checkpoints.down;
    push.initialCheckpoint = checkpoints.up;
    await state.start();
  };
  return {
    state,
    start: () => (running = run().catch((err: unknown) => input.onFailure(err))),
    async cancel() {
      cancelled = true;
      onCancel();
      await running;
      await state.cancel();
    },
  };
}
