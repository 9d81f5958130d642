import { jsonEqual } from '@shared';
import type { PlainDoc } from '../types.js';
import { replicatedState } from '../doc-utils.js';

import { CONFLICT_CONTEXT, DOWNSTREAM_CONTEXT_PREFIX } from '../rxdb-internals.js';

/** Context prefix RxDB puts on writes that came from the server (they never need pushing). */
export const DOWNSTREAM_CONTEXT = DOWNSTREAM_CONTEXT_PREFIX;
export { CONFLICT_CONTEXT };

export interface ChangeBulk {
  context: string;
  events: { documentId: string; documentData: object }[];
}

/**
 * Which local document states have not reached the server yet, for one collection. Fed with the collection's
 * write events and the push handler's outcomes, so it works without reading RxDB's replication internals.
 * After a reload, unpushed documents reappear as soon as RxDB hands them to the push handler.
 */
export class PendingTracker {
  private readonly pending = new Map<string, PlainDoc>();
  /** Server states learned from push conflicts, to recognise a resolution that simply took the server's value. */
  private readonly knownMaster = new Map<string, PlainDoc>();

  constructor(
    private readonly primaryKey: string,
    private readonly onChange: () => void,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  has(id: string): boolean {
    return this.pending.has(id);
  }

  ids(): string[] {
    return [...this.pending.keys()];
  }

  /** A write to the local collection. */
  onLocalWrite(bulk: ChangeBulk): void {
    let changed = false;
    for (const ev of bulk.events) {
      const state = replicatedState(ev.documentData);
      if (bulk.context.startsWith(DOWNSTREAM_CONTEXT)) {
        changed = this.pending.delete(ev.documentId) || changed;
        continue;
      }
      const master = bulk.context === CONFLICT_CONTEXT ? this.knownMaster.get(ev.documentId) : undefined;
      this.knownMaster.delete(ev.documentId);
      if (master && jsonEqual(master, state)) {
        changed = this.pending.delete(ev.documentId) || changed;
      } else {
        this.pending.set(ev.documentId, state);
        changed = true;
      }
    }
    if (changed) this.onChange();
  }

  /** RxDB hands these rows to the push handler: they are pending until the server takes them. */
  onPushStart(rows: { newDocumentState: object }[]): void {
    let changed = false;
    for (const row of rows) {
      const state = replicatedState(row.newDocumentState);
      const id = String(state[this.primaryKey]);
      if (!this.pending.has(id)) {
        this.pending.set(id, state);
        changed = true;
      }
    }
    if (changed) this.onChange();
  }

  /** The server answered: rows not among the conflicts are stored as sent. */
  onPushDone(rows: { newDocumentState: object }[], conflicts: PlainDoc[]): void {
    const conflictIds = new Set(conflicts.map((c) => String(c[this.primaryKey])));
    for (const c of conflicts) this.knownMaster.set(String(c[this.primaryKey]), replicatedState(c));
    let changed = false;
    for (const row of rows) {
      const state = replicatedState(row.newDocumentState);
      const id = String(state[this.primaryKey]);
      if (conflictIds.has(id)) continue;
      const current = this.pending.get(id);
      if (current && jsonEqual(current, state)) {
        this.pending.delete(id);
        changed = true;
      }
    }
    if (changed) this.onChange();
  }
}
