import type { Actor, ReplicatedCollection } from '@shared';
import type { Database } from '../../db/database.js';
import { loadDocuments, upsertDocuments } from '../../db/queries/documents.js';
import { storedCalendarIds } from '../../db/queries/sla-settings.js';
import { notifyChange, reserveSequenceWithin } from '../../db/queries/sequence.js';
import { isLockTimeout } from '../../db/unavailable.js';
import { ApiError } from '../../http/api-error.js';
import { ticketsWithReview } from '../../db/queries/ticket-reviews.js';
import { existingCiIds, siteIdsOfGroups } from '../../db/queries/config-items.js';
import { ciIdsOfTickets } from '../cmdb/ci-push-rules.js';
import { validateDocument, type SyncDocument } from './document-validation.js';
import type { PushEffect } from './push-effects.js';
import { planPush, type PlannedRow } from './push-plan.js';
import { toSyncDocument, withoutDeleted } from './stored-document.js';
import { stampWrites } from './server-stamps.js';
import { ciScopeBefore, mayNarrowCiScope, recordCiScopeExits } from './ci-scope-exits.js';
import { recordTicketScopeExits, resequenceTicketDocuments } from './ticket-scope-exits.js';
import { markersForRetriesOutOfScope } from './retried-out-of-scope.js';
import { rejectPush, type Violation } from './violation.js';
import { writeCheckViolations } from './write-checks.js';

/**
 * What one push did. The rows that pass are stored even when others are refused, so one refused row never holds
 * back the rest of a device's queue: `violations` name the rows that were not stored (those marked `retryable`
 * are deferred: they depend on a document not on the server yet, e.g. an event before its ticket, and the client
 * sends them again on their own).
 */
export interface PushOutcome {
  /** Masters of conflicting rows and accepted states an effect rewrote. */
  documents: SyncDocument[];
  violations: Violation[];
  /** How many rows were written. */
  saved: number;
}

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

/** How long a push waits for the sequence lock before it is answered 503 (issue 16: no queue behind a slow writer). */
export const PUSH_LOCK_TIMEOUT_MS = 3_000;

/** Seconds a device is told to wait before sending a push that timed out on the sequence lock again. */
export const PUSH_BUSY_RETRY_AFTER_S = 2;

/** The answer to a push that waited too long for the sequence lock: nothing was written, send it again later. */
function pushBusy(): ApiError {
  return new ApiError(
    503,
    'Another change is being written; nothing of this push was saved. Send it again in a moment.',
    undefined,
    PUSH_BUSY_RETRY_AFTER_S,
  );
}

/**
 * Applies a push in ONE transaction: takes the sequence lock first, checks every row against the stored masters,
 * the access policy and the collection's shared write checks BEFORE anything is written, writes the rows that pass
 * with new sequence numbers and notifies the other instances; `effects` (side effects only) run in the same
 * transaction after the write. Rows that fail are left out, not the whole push (see PushOutcome). Malformed rows
 * (schema) still refuse the whole request before anything is read.
 */
export async function pushDocuments(
  db: Database,
  actor: Actor,
  collection: ReplicatedCollection,
  rows: readonly IncomingRow[],
  effects: readonly PushEffect[] = [],
): Promise<PushOutcome> {
  if (rows.length === 0) return { documents: [], violations: [], saved: 0 };
  const planned = validateRows(collection, rows);
  try {
    return await applyPush(db, actor, collection, planned, effects);
  } catch (err) {
    if (err instanceof NothingStored) return err.outcome;
    if (isLockTimeout(err)) throw pushBusy();
    throw err;
  }
}

/** Thrown inside the transaction to roll back a push whose every row was refused: not even the sequence moves. */
class NothingStored extends Error {
  constructor(readonly outcome: PushOutcome) {
    super('nothing stored');
  }
}

async function applyPush(
  db: Database,
  actor: Actor,
  collection: ReplicatedCollection,
  planned: PlannedRow[],
  effects: readonly PushEffect[],
): Promise<PushOutcome> {
  return db.transaction(async (tx) => {
    const last = await reserveSequenceWithin(tx, planned.length, PUSH_LOCK_TIMEOUT_MS);
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
    // A policy may name a calendar stored before or pushed alongside it.
    const calendarIds =
      collection === 'settings'
        ? [
            ...(await storedCalendarIds(tx)),
            ...planned
              .filter((row) => row.newDocumentState.kind === 'sla_calendar' && !row.newDocumentState._deleted)
              .map((row) => row.newDocumentState.id),
          ]
        : undefined;
    const siteIds = collection === 'config_items' ? await siteIdsOfGroups(tx, actor.groupIds) : [];
    const ciIds = collection === 'tickets' ? ciIdsOfTickets(planned.map((row) => row.newDocumentState)) : [];
    const ciExists = await existingCiIds(tx, ciIds);
    const context = {
      actor,
      collection,
      tickets,
      reviewedTicketIds,
      calendarIds,
      siteIds,
      existingCiIds: ciExists,
      serverNow: Date.now(),
    };
    const plan = planPush(context, planned, masters);
    plan.conflicts.push(...(await markersForRetriesOutOfScope(tx, actor, collection, plan.unchanged)));
    // The collection's shared write checks run before anything is written (effects only do side effects).
    const refused = await writeCheckViolations(tx, actor, collection, plan.writes, masters);
    const refusedIds = new Set(refused.map((violation) => violation.documentId));
    const writes = plan.writes.filter((doc) => !refusedIds.has(doc.id));
    const outcome = (documents: SyncDocument[]): PushOutcome => ({
      documents,
      violations: [...plan.violations, ...refused],
      saved: writes.length,
    });
    if (writes.length === 0 && (plan.violations.length > 0 || refused.length > 0))
      throw new NothingStored(outcome(plan.conflicts));
    const revised = new Map<string, SyncDocument>();
    if (writes.length > 0) {
      // Who wrote it and a new ticket's number are the server's to set: a stamped document goes back to the device.
      const stamped = await stampWrites(tx, actor, collection, writes, masters);
      stamped.forEach((doc, index) => {
        if (doc !== writes[index]) revised.set(doc.id, doc);
      });
      // Who sees which CIs, read before a CI push that may narrow it (a site handed over, an item deleted).
      const ciBefore = collection === 'config_items' && mayNarrowCiScope(writes, masters) ? await ciScopeBefore(tx) : null;
      let seq = last - planned.length;
      await upsertDocuments(
        tx,
        collection,
        stamped.map((doc) => ({ id: doc.id, seq: ++seq, data: withoutDeleted(doc), deleted: doc._deleted })),
      );
      await notifyChange(tx, collection, seq);
      const highest = Math.max(seq, await resequenceTicketDocuments(tx, plan.scopeChangedTicketIds));
      await recordTicketScopeExits(tx, plan.scopeChangedTicketIds, masters, highest);
      if (ciBefore) await recordCiScopeExits(tx, ciBefore);
      for (const effect of effects) {
        const rewritten = await effect({ tx, actor, collection, writes: stamped, previous: masters });
        for (const doc of rewritten ?? []) revised.set(doc.id, doc);
      }
      return outcome([...plan.conflicts, ...revised.values()]);
    }
    return outcome(plan.conflicts);
  });
}
