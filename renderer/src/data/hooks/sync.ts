import type { ReplicatedCollection } from '@shared';
import { useSyncExternalStore } from 'react';
import { INITIAL_SYNC_STATUS } from '../replication/status.js';
import type { SyncStatus } from '../replication/status.js';
import { useSyncController } from '../provider.js';
import { useConflicts } from './reference.js';

const NO_SYNC: SyncStatus = { ...INITIAL_SYNC_STATUS, online: false };
const noopSubscribe = () => () => undefined;

/** The replication's status, re-rendering on every change. Without a replication: offline. */
export function useSyncStatus(): SyncStatus {
  const sync = useSyncController();
  return useSyncExternalStore(sync ? sync.subscribe : noopSubscribe, sync ? sync.getStatus : () => NO_SYNC);
}

export type DocSyncState = 'pending' | 'synced' | 'conflict';

/** Whether one document has unresolved clashes, unpushed changes, or matches the server. */
export function useDocSyncState(collection: ReplicatedCollection, id: string): DocSyncState {
  const sync = useSyncController();
  const conflicts = useConflicts();
  // Re-render when the pending count moves; the per-document answer is read from the controller.
  const pendingCount = useSyncStatus().pendingPush;
  if (conflicts.some((c) => c.collectionName === collection && c.docId === id)) return 'conflict';
  return pendingCount > 0 && sync?.isPending(collection, id) ? 'pending' : 'synced';
}
