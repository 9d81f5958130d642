import { REPLICATED_COLLECTIONS } from '@shared';
import type { ReplicatedCollection } from '@shared';
import type { DeskDatabase } from '../types.js';
import type { PendingDoc, SyncController } from './index.js';
import { DOWNSTREAM_CONTEXT } from './pending-tracker.js';
import { INITIAL_SYNC_STATUS, SyncStatusStore } from './status.js';

export interface PausedSyncOptions {
  /** What the stopped replication still had to send (SyncController.pendingDocs()). */
  pending?: readonly PendingDoc[];
  /** The stopped replication's last successful exchange. */
  lastSyncAt?: number | null;
  collections?: readonly ReplicatedCollection[];
}

/**
 * The stand-in for a stopped replication (tray "Pause sync"): talks to nobody, reports `paused` and offline, and keeps
 * counting the documents changed locally so the pending count and the per-document badges stay right until sync
 * resumes. Cancel it before starting the replication again.
 */
export function pausedSync(db: DeskDatabase, opts: PausedSyncOptions = {}): SyncController {
  const names = opts.collections ?? REPLICATED_COLLECTIONS;
  const pending = new Map<ReplicatedCollection, Set<string>>(names.map((name) => [name, new Set<string>()]));
  for (const doc of opts.pending ?? []) pending.get(doc.collection)?.add(doc.id);
  const count = () => [...pending.values()].reduce((n, ids) => n + ids.size, 0);
  const store = new SyncStatusStore({
    ...INITIAL_SYNC_STATUS,
    online: false,
    paused: true,
    pendingPush: count(),
    lastSyncAt: opts.lastSyncAt ?? null,
  });
  const subs = names.map((name) =>
    db.collections[name].eventBulks$.subscribe((bulk) => {
      // Nothing replicates while paused; another tab's downstream writes are not local changes.
      if (bulk.context.startsWith(DOWNSTREAM_CONTEXT)) return;
      const ids = pending.get(name);
      for (const ev of bulk.events) ids?.add(ev.documentId);
      store.update({ pendingPush: count() });
    }),
  );
  return {
    status$: store.status$,
    getStatus: () => store.get(),
    subscribe: (listener) => store.subscribe(listener),
    isPending: (collection, id) => pending.get(collection)?.has(id) ?? false,
    pendingDocs: () => [...pending].flatMap(([collection, ids]) => [...ids].map((id) => ({ collection, id }))),
    reSync: () => undefined,
    awaitInitialPull: () => Promise.resolve(),
    replications: {},
    cancel() {
      for (const sub of subs) sub.unsubscribe();
      store.complete();
      return Promise.resolve();
    },
  };
}
