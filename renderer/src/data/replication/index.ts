import { readLastSync, rememberLastSync } from './last-sync-memory.js';
import { PULL_LIMIT_MAX, PUSH_ROWS_MAX, REPLICATED_COLLECTIONS, WRITTEN_BY_SERVER_ON_PUSH } from '@shared';
import type { ReplicatedCollection } from '@shared';
import { filter, firstValueFrom, race } from 'rxjs';
import type { Observable, Subscription } from 'rxjs';
import type { DeskDatabase } from '../types.js';
import { firstDownstreamDone$ } from '../rxdb-internals.js';
import { replicateCollection } from './collection-replication.js';
import type { CollectionReplication, DeskReplicationState } from './collection-replication.js';
import { alwaysOnline } from './connectivity.js';
import type { ConnectivitySource } from './connectivity.js';
import { describeError } from './errors.js';
import { NetworkError } from './http.js';
import type { RequestContext } from './http.js';
import { liveResyncStream, pollingResync } from './live-stream.js';
import { PendingTracker } from './pending-tracker.js';
import { INITIAL_SYNC_STATUS, SyncStatusStore } from './status.js';
import type { SyncStatus } from './status.js';

export type { SyncStatus } from './status.js';
export type { ConnectivitySource, ManualConnectivity } from './connectivity.js';
export { alwaysOnline, eventTargetConnectivity, manualConnectivity } from './connectivity.js';
export { replicationIdentifier } from './collection-replication.js';
export { pausedSync } from './paused.js';
export type { PausedSyncOptions } from './paused.js';
export { isReplicationWrite, watchIncomingTickets } from './incoming.js';
export type { IncomingTicketChange } from './incoming.js';
export type { DeskReplicationState } from './collection-replication.js';

export interface StartReplicationOptions {
  serverUrl: string;
  getAccessToken: () => string | null | Promise<string | null>;
  collections?: ReplicatedCollection[];
  /** Documents per pull request (default 1000, server maximum 2000). */
  pullBatchSize?: number;
  /** Rows per push request (default 200). */
  pushBatchSize?: number;
  /** Keep replicating (default true); false runs one pull and push, then stops. */
  live?: boolean;
  fetchImpl?: typeof fetch;
  onAuthError?: () => void;
  /** Online/offline source; default always online. The app passes the window's events. */
  connectivity?: ConnectivitySource;
  /**
   * Collections that hold an SSE stream open (default tickets and ticket_events). Browsers allow six HTTP/1.1
   * connections per host, so the others are polled every `pollIntervalMs` instead (default 60 s).
   */
  streamCollections?: ReplicatedCollection[];
  pollIntervalMs?: number;
  /** Wait before retrying a failed request, in ms (default 5000). */
  retryTime?: number;
  /** With several tabs, replicate only in the leader (default true). */
  waitForLeadership?: boolean;
}

/** A local document whose change has not reached the server yet. */
export interface PendingDoc {
  collection: ReplicatedCollection;
  id: string;
}

export interface SyncController {
  readonly status$: Observable<SyncStatus>;
  getStatus: () => SyncStatus;
  subscribe: (listener: (status: SyncStatus) => void) => () => void;
  /** True while a local change to this document has not been accepted by the server. */
  isPending(collection: ReplicatedCollection, id: string): boolean;
  /** Every document with a change not yet accepted by the server (carried over when sync is paused). */
  pendingDocs(): PendingDoc[];
  /** Pull every collection again from its checkpoint. */
  reSync(): void;
  /** Resolves once every collection has finished its first pull (or the replication was cancelled). Never gate UI on it. */
  awaitInitialPull(): Promise<void>;
  cancel(): Promise<void>;
  readonly replications: Readonly<Partial<Record<ReplicatedCollection, DeskReplicationState>>>;
}

async function firstPullDone(rs: DeskReplicationState): Promise<void> {
  const canceled = firstValueFrom(rs.canceled$.pipe(filter(Boolean)), { defaultValue: true });
  // The replication starts after the first-sync bootstrap, or never when cancelled first.
  await Promise.race([rs.startPromise, canceled]);
  const downDone$ = firstDownstreamDone$(rs);
  if (!downDone$) return;
  await firstValueFrom(race(downDone$.pipe(filter(Boolean)), rs.canceled$.pipe(filter(Boolean))), {
    defaultValue: true,
  });
}

/** Starts the replication of the desk database with the sync server; see SyncController. */
export function startReplication(db: DeskDatabase, opts: StartReplicationOptions): SyncController {
  const connectivity = opts.connectivity ?? alwaysOnline;
  const names = opts.collections ?? [...REPLICATED_COLLECTIONS];
  const live = opts.live ?? true;
  const userFetch = opts.fetchImpl ?? globalThis.fetch;
  const ctx: RequestContext = {
    serverUrl: opts.serverUrl,
    // Called through a wrapper: browsers throw "Illegal invocation" when fetch is called as another object's method.
    fetchImpl: (input, init) => userFetch(input, init),
    getAccessToken: opts.getAccessToken,
    onAuthError: opts.onAuthError,
  };
  const store = new SyncStatusStore({
    ...INITIAL_SYNC_STATUS,
    online: connectivity.isOnline(),
    lastSyncAt: readLastSync(db.name, opts.serverUrl),
    initialSync: { running: true, pulledDocs: 0 },
  });
  const trackers = new Map<ReplicatedCollection, PendingTracker>();
  const refreshPending = () => store.update({ pendingPush: [...trackers.values()].reduce((n, t) => n + t.size, 0) });
  const subs: Subscription[] = [];
  const replications: Partial<Record<ReplicatedCollection, DeskReplicationState>> = {};
  const collectionReplications: CollectionReplication[] = [];
  const streamed = new Set(opts.streamCollections ?? ['tickets', 'ticket_events']);
  let initialDone = false;

  const onSuccess = (pulled: number) => {
    const s = store.get();
    const initialSync =
      !initialDone && pulled > 0 ? { running: true, pulledDocs: s.initialSync.pulledDocs + pulled } : s.initialSync;
    const lastSyncAt = Date.now();
    store.update({ online: connectivity.isOnline(), error: null, lastSyncAt, initialSync });
    rememberLastSync(db.name, opts.serverUrl, lastSyncAt);
  };
  const onFailure = (err: unknown) => {
    // Offline is shown as offline, not as an error; an unreachable server while "online" is an error.
    if (err instanceof NetworkError)
      store.update(connectivity.isOnline() ? { online: false, error: describeError(err) } : { online: false });
    else store.update({ error: describeError(err) });
  };

  for (const name of names) {
    const collection = db.collections[name];
    const tracker = new PendingTracker(collection.schema.primaryPath, refreshPending);
    trackers.set(name, tracker);
    subs.push(collection.eventBulks$.subscribe((bulk) => tracker.onLocalWrite(bulk)));
    const stream$ = streamed.has(name)
      ? liveResyncStream({ ...ctx, path: `/api/sync/${encodeURIComponent(name)}/stream`, connectivity })
      : pollingResync(connectivity, opts.pollIntervalMs ?? 60_000);
    const replication = replicateCollection({
      name,
      collection,
      ctx,
      connectivity,
      tracker,
      stream$,
      pullBatchSize: Math.min(opts.pullBatchSize ?? 1000, PULL_LIMIT_MAX),
      pushBatchSize: Math.min(opts.pushBatchSize ?? 200, PUSH_ROWS_MAX),
      live,
      retryTime: opts.retryTime ?? 5000,
      waitForLeadership: opts.waitForLeadership ?? true,
      onSuccess,
      onFailure,
      onPushed: () => {
        for (const written of WRITTEN_BY_SERVER_ON_PUSH[name] ?? []) {
          const rs = replications[written];
          if (rs && !rs.isStopped()) rs.reSync();
        }
      },
    });
    const rs = replication.state;
    replications[name] = rs;
    collectionReplications.push(replication);
    subs.push(
      rs.error$.subscribe((err) => {
        if (connectivity.isOnline()) store.update({ error: describeError(err) });
      }),
    );
  }

  const reSync = () => {
    for (const rs of Object.values(replications)) if (!rs.isStopped()) rs.reSync();
  };
  const unsubscribeConnectivity = connectivity.subscribe((online) => {
    store.update({ online, ...(online ? { error: null } : {}) });
    if (online) reSync();
  });

  for (const replication of collectionReplications) void replication.start();

  const initialPull = Promise.all(Object.values(replications).map(firstPullDone)).then(() => {
    initialDone = true;
    store.update({ initialSync: { running: false, pulledDocs: store.get().initialSync.pulledDocs } });
  });

  return {
    status$: store.status$,
    getStatus: () => store.get(),
    subscribe: (listener) => store.subscribe(listener),
    isPending: (collection, id) => trackers.get(collection)?.has(id) ?? false,
    pendingDocs: () => [...trackers].flatMap(([collection, t]) => t.ids().map((id) => ({ collection, id }))),
    reSync,
    awaitInitialPull: () => initialPull,
    replications,
    async cancel() {
      unsubscribeConnectivity();
      for (const s of subs) s.unsubscribe();
      await Promise.all(collectionReplications.map((r) => r.cancel()));
      store.complete();
    },
  };
}
