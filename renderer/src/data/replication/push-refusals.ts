import { jsonEqual } from '@shared';
import { REFUSAL_MESSAGE_MAX, TICKET_CHANGE_RECORD_KINDS, refusalCodeForStatus } from '@shared';
import type { ConflictRecord, RefusalCode, ReplicatedCollection } from '@shared';
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { replicatedState } from '../doc-utils.js';
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

/** The id of the record that keeps a refused row of a document: one per document, the latest refusal wins. */
export function refusalId(collection: string, docId: string): string {
  return `refusal:${collection}:${docId}`;
}

/** The id of the record that keeps a refused ticket creation (see refusalRecord). */
export function refusedCreationId(ticketId: string): string {
  return refusalId('tickets', ticketId);
}

/** Why an event is set aside without being sent again. */
export const ORPHANED_EVENT_REASON =
  'Its ticket was not created on the server (that creation was set aside), so this entry cannot be stored.';

/** Why the server refused one row: a code the UI translates and the server's sentence about that row. */
export interface RowRefusal {
  code: RefusalCode;
  message: string;
}

/** The server's reason for one row: its own detail messages when the refusal names it, else the whole message. */
export function rowRefusal(err: SyncHttpError, docId: string, code: RefusalCode = refusalCodeForStatus(err.status)): RowRefusal {
  const own = (err.body?.details ?? []).filter((d) => d.documentId === docId).map((d) => d.message);
  const message = own.length > 0 ? own.join(' ') : err.message;
  return { code, message: message.slice(0, REFUSAL_MESSAGE_MAX) };
}

/** The refusal record that keeps a refused row: the whole document it wanted, next to the server state it went back to. */
export function refusalRecord(collection: ReplicatedCollection, row: Row, refusal: RowRefusal, now: number): ConflictRecord {
  const docId = String(row.newDocumentState.id);
  return {
    id: refusalId(collection, docId),
    kind: 'refusal',
    collectionName: collection,
    docId,
    field: '',
    localValue: JSON.stringify(row.newDocumentState),
    remoteValue: JSON.stringify(row.assumedMasterState ?? null),
    code: refusal.code,
    message: refusal.message,
    detectedAt: now,
    resolved: false,
  };
}

/**
 * The refused rows the user is shown, as refusal records: all but the history entries that only record their
 * ticket's change (TICKET_CHANGE_RECORD_KINDS), whose ticket's own refusal already holds that change. Every refused
 * row still goes back to the server's state.
 */
export function rowsToShowRefused<R extends Row>(collection: ReplicatedCollection, rows: readonly R[]): R[] {
  if (collection !== 'ticket_events') return [...rows];
  return rows.filter((row) => !(TICKET_CHANGE_RECORD_KINDS as readonly unknown[]).includes(row.newDocumentState.kind));
}

/**
 * Ids of the rows refused because their ticket left the user's scope (code `out_of_scope`): the device drops its copy,
 * as when the server's pull says so (scopeExitMarker), and the refused change waits in the conflict view.
 */
export function outOfScopeIds(err: SyncHttpError): Set<string> {
  const details = (err.body?.details ?? []).filter((d) => d.code === 'out_of_scope');
  return new Set(details.map((d) => d.documentId).filter((id): id is string => !!id));
}

/**
 * What the device should hold after a refusal: the server state it last saw, or nothing for a refused creation or a
 * document that left the user's scope (`outOfScope`).
 */
export function stateAfterRefusal(row: Row, outOfScope = false): WithDeleted<PlainDoc> {
  if (outOfScope) return { ...(row.assumedMasterState ?? row.newDocumentState), _deleted: true };
  return row.assumedMasterState ?? { ...row.newDocumentState, _deleted: true };
}

/**
 * True when `local` is the very state whose push was refused (an unresolved refusal record holds it), so the
 * conflict that RxDB resolves next must give way to the server state. The refusal record itself is the signal: it is
 * written before the push handler answers, and a local edit made since no longer matches it and is merged as usual.
 */
export async function isRefusedState(db: DeskDatabase, collection: string, local: WithDeleted<PlainDoc>): Promise<boolean> {
  const record = await db.conflicts.findOne(refusalId(collection, String(local.id))).exec();
  if (!record || record.resolved || record.kind !== 'refusal') return false;
  const comparable = (doc: PlainDoc) => ({ ...replicatedState(doc), _deleted: doc._deleted === true });
  return jsonEqual(comparable(JSON.parse(record.localValue) as PlainDoc), comparable(local));
}
