import { jsonEqual } from '@shared';
import type { ConflictRecord, ReplicatedCollection } from '@shared';
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import type { DeskDatabase, PlainDoc } from '../types.js';
import { SyncHttpError } from './http.js';

/**
 * A push the server refuses for its content (403 policy, 409, 413, 422 rules) fails the same way on every retry, and
 * RxDB would retry that batch forever, blocking every later change of the collection. Such rows are set aside
 * instead: the device goes back to the server's state and the refused values wait in the conflict view, with the
 * server's reason, so nothing is silently lost and the rest of the queue moves on.
 */
const PERMANENT = new Set([400, 403, 409, 413, 422]);

type Row = RxReplicationWriteToMasterRow<PlainDoc>;

/** True for refusals that a retry cannot fix. */
export function isPermanentRefusal(err: unknown): err is SyncHttpError {
  return err instanceof SyncHttpError && PERMANENT.has(err.status);
}

/** True when every problem the server named will go away by itself (e.g. an event pushed before its ticket). */
export function onlyRetryable(err: SyncHttpError): boolean {
  const details = err.body?.details ?? [];
  return details.length > 0 && details.every((d) => d.retryable === true);
}

/** Ids of the rows the server named in its refusal, leaving out those it says will pass later. */
export function refusedIds(err: SyncHttpError, rows: readonly Row[]): Set<string> {
  const details = (err.body?.details ?? []).filter((d) => d.retryable !== true);
  const named = new Set(details.map((d) => d.documentId).filter((id): id is string => !!id));
  return new Set(rows.map((r) => String(r.newDocumentState.id)).filter((id) => named.has(id)));
}

/** Ids of the rows the server deferred: they may pass later unchanged, sent again on their own. */
export function deferredIds(err: SyncHttpError): Set<string> {
  const details = (err.body?.details ?? []).filter((d) => d.retryable === true);
  return new Set(details.map((d) => d.documentId).filter((id): id is string => !!id));
}

/** The id of the record that keeps a refused ticket creation (see refusalRecords). */
export function refusedCreationId(ticketId: string): string {
  return `tickets:${ticketId}:_document`;
}

/** Why an event is set aside without being sent again. */
export const ORPHANED_EVENT_REASON =
  'Its ticket was not created on the server (that creation was set aside), so this entry cannot be stored.';

/** The conflict records that keep a refused row's values: one per changed field, or the whole new document. */
export function refusalRecords(collection: ReplicatedCollection, row: Row, reason: string, now: number): ConflictRecord[] {
  const local = row.newDocumentState as Record<string, unknown>;
  const docId = String(local.id);
  const base = { collectionName: collection, docId, detectedAt: now, resolved: false };
  const master = row.assumedMasterState as Record<string, unknown> | undefined;
  if (!master) {
    return [
      {
        ...base,
        id: `${collection}:${docId}:_document`,
        field: '_document',
        localValue: JSON.stringify(local),
        remoteValue: JSON.stringify(reason),
      },
    ];
  }
  return Object.keys(local)
    .filter((field) => field !== '_deleted' && !jsonEqual(local[field], master[field]))
    .map((field) => ({
      ...base,
      id: `${collection}:${docId}:${field}`,
      field,
      localValue: JSON.stringify(local[field] ?? null),
      remoteValue: JSON.stringify(master[field] ?? null),
    }));
}

/** What the device should hold after a refusal: the server state it last saw, or nothing for a refused creation. */
export function stateAfterRefusal(row: Row): WithDeleted<PlainDoc> {
  return row.assumedMasterState ?? { ...row.newDocumentState, _deleted: true };
}

const pending = new WeakMap<DeskDatabase, Set<string>>();

function key(collection: string, docId: string): string {
  return `${collection}:${docId}`;
}

/** Remembers that the next conflict resolution of this document must take the server's side. */
export function markRefused(db: DeskDatabase, collection: string, docId: string): void {
  const set = pending.get(db) ?? new Set<string>();
  set.add(key(collection, docId));
  pending.set(db, set);
}

/** True (once) when the document's local change was refused and must give way to the server state. */
export function takeRefused(db: DeskDatabase, collection: string, docId: string): boolean {
  return pending.get(db)?.delete(key(collection, docId)) ?? false;
}
