import type { Actor, ReplicatedCollection } from '@shared';
import type { Database } from '../../db/database.js';
import { bumpTicketDocuments, loadDocuments, upsertDocuments } from '../../db/queries/documents.js';
import { notifyChange, reserveSequence } from '../../db/queries/sequence.js';
import { ticketsWithReview } from '../../db/queries/ticket-reviews.js';
import { validateDocument, type SyncDocument } from './document-validation.js';
import type { PushEffect } from './push-effects.js';
import { planPush, type PlannedRow } from './push-plan.js';
import { toSyncDocument, withoutDeleted } from './stored-document.js';
import { rejectPush, type Violation } from './violation.js';
import { writeCheckViolations } from './write-checks.js';

/** A pushed row after the request-level checks: the new state is not validated yet. */
export interface IncomingRow {
  assumedMasterState?: Record<string, unknown> | null;
  newDocumentState: unknown;
}

/** Validates every row; returns the typed rows or throws one 422 naming each bad document and field. */
function validateRows(collection: ReplicatedCollection, rows: readonly IncomingRow[]): PlannedRow[] {
  const violations: Violation[] = rows.flatMap((row, index) => validateDocument(collection, row.newDocumentState, index));
  const seen = new Set<string>();
  for (const row of rows) {
    const id = (row.newDocumentState as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') continue;
    if (seen.has(id))
      violations.push({
        status: 422,
        documentId: id,
        field: 'id',
        message: 'This document appears twice in one push; send it once.',
      });
    seen.add(id);
  }
  if (violations.length > 0) throw rejectPush(violations);
  return rows as PlannedRow[];
}

const toMap = (
  docs: Map<string, { id: string; seq: number; data: Record<string, unknown>; deleted: boolean }>,
): Map<string, SyncDocument> => new Map([...docs].map(([id, stored]) => [id, toSyncDocument(stored)]));

/**
 * Applies a push in ONE transaction, all or nothing: takes the sequence lock first, checks every row against
 * the stored masters and the access policy, writes the accepted rows with new sequence numbers and notifies
 * the other instances; the collection's write checks run before the write and `effects` (side effects only) in the
 * same transaction after it. Returns the masters of
 * conflicting rows, and the new states of accepted rows an effect rewrote (see PushEffect).
 */
export async function pushDocuments(
  db: Database,
  actor: Actor,
  collection: ReplicatedCollection,
  rows: readonly IncomingRow[],
  effects: readonly PushEffect[] = [],
): Promise<SyncDocument[]> {
  if (rows.length === 0) return [];
  const planned = validateRows(collection, rows);
  return db.transaction(async (tx) => {
    const last = await reserveSequence(tx, planned.length);
    const ids = planned.map((row) => row.newDocumentState.id);
    const masters = toMap(await loadDocuments(tx, collection, ids));
    const ticketIds =
      collection === 'ticket_events' ? [...new Set(planned.map((row) => String(row.newDocumentState.ticketId)))] : [];
    const tickets = toMap(await loadDocuments(tx, 'tickets', ticketIds));
    // Closing a major incident needs its post-incident review: look it up only for tickets that close.
    const closing = collection === 'tickets' ? planned.filter((row) => row.newDocumentState.status === 'closed') : [];
    const reviewedTicketIds = await ticketsWithReview(
      tx,
      closing.map((row) => row.newDocumentState.id),
    );
    const plan = planPush({ actor, collection, tickets, reviewedTicketIds }, planned, masters);
    if (plan.violations.length > 0) throw rejectPush(plan.violations);
    // The collection's shared write checks run before anything is written (effects only do side effects).
    const refused = await writeCheckViolations(tx, actor, collection, plan.writes, masters);
    if (refused.length > 0) throw rejectPush(refused);
    const revised = new Map<string, SyncDocument>();
    if (plan.writes.length > 0) {
      let seq = last - planned.length;
      await upsertDocuments(
        tx,
        collection,
        plan.writes.map((doc) => ({ id: doc.id, seq: ++seq, data: withoutDeleted(doc), deleted: doc._deleted })),
      );
      await notifyChange(tx, collection, seq);
      for (const dependent of ['ticket_events', 'survey_responses'] as const) {
        const bumped = await bumpTicketDocuments(tx, dependent, plan.scopeChangedTicketIds);
        if (bumped > 0) await notifyChange(tx, dependent, bumped);
      }
      for (const effect of effects) {
        const rewritten = await effect({ tx, actor, collection, writes: plan.writes, previous: masters });
        for (const doc of rewritten ?? []) revised.set(doc.id, doc);
      }
      return [...plan.conflicts, ...revised.values()];
    }
    return plan.conflicts;
  });
}
