import { BehaviorSubject } from 'rxjs';
import type { Observable } from 'rxjs';

/** What the UI shows about synchronisation. */
export interface SyncStatus {
  /** The device is online and the last exchange with the server did not fail for lack of network. */
  online: boolean;
  /** Local changes not yet accepted by the server. */
  pendingPush: number;
  /** Time (ms) of the last successful pull or push. */
  lastSyncAt: number | null;
  /** The last error, in words; null once an exchange succeeds again. */
  error: string | null;
  /** The first pull after start: running until every collection has caught up. */
  initialSync: { running: boolean; pulledDocs: number };
  /** Replication was stopped on purpose (tray "Pause sync"): local edits are kept and counted, nothing is sent. */
  paused: boolean;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  online: true,
  pendingPush: 0,
  lastSyncAt: null,
  error: null,
  initialSync: { running: false, pulledDocs: 0 },
  paused: false,
};

/** A small store: an observable for RxJS users and subscribe/getStatus for React's useSyncExternalStore. */
export class SyncStatusStore {
  private readonly subject: BehaviorSubject<SyncStatus>;

  constructor(initial: SyncStatus) {
    this.subject = new BehaviorSubject(initial);
  }

  get status$(): Observable<SyncStatus> {
    return this.subject.asObservable();
  }

  get(): SyncStatus {
    return this.subject.getValue();
  }

  update(patch: Partial<SyncStatus>): void {
    const prev = this.subject.getValue();
    const next = { ...prev, ...patch };
    const same = (Object.keys(patch) as (keyof SyncStatus)[]).every((k) => prev[k] === next[k]);
    if (!same) this.subject.next(next);
  }

  subscribe(listener: (s: SyncStatus) => void): () => void {
    const sub = this.subject.subscribe(listener);
    return () => sub.unsubscribe();
  }

  complete(): void {
    this.subject.complete();
  }
}
