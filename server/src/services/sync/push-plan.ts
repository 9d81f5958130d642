import { APPEND_ONLY_COLLECTIONS, canSeeTicket, jsonEqual, type Ticket } from '@shared';
import type { SyncDocument } from './document-validation.js';
import { checkGrant, checkWrite, type RowContext } from './push-authorization.js';
import type { Violation } from './violation.js';

export interface PlannedRow {
  assumedMasterState?: Record<string, unknown> | null;
  newDocumentState: SyncDocument;
}

/** What a push will do: documents to write, masters to return as conflicts, or why it is refused. */
export interface PushPlan {
  writes: SyncDocument[];
  conflicts: SyncDocument[];
  violations: Violation[];
  /** Tickets whose group, assignee or security flag changed: their events get new sequence numbers. */
  scopeChangedTicketIds: string[];
  /** Rows the server already holds exactly as sent (a retry whose answer was lost): nothing to write. */
  unchanged: SyncDocument[];
}

/** The state the client based its write on; undefined when it believed the document new. */
function assumedState(row: PlannedRow): SyncDocument | undefined {
  const assumed = row.assumedMasterState;
  if (assumed == null) return undefined;
  return { ...assumed, id: row.newDocumentState.id, _deleted: assumed._deleted === true };
}

const scopeChanged = (a: SyncDocument, b: SyncDocument): boolean =>
  a.groupId !== b.groupId || a.assigneeId !== b.assigneeId || a.security !== b.security;

/**
 * The conflict rule of the design notes, row by row: no master -> write; master equal to the new state ->
 * nothing to do (idempotent retry); master equal to the assumed state -> write; otherwise -> conflict.
 * Authorisation comes first so a forbidden write is refused, not reported as a conflict; for a stale row it
 * judges the change the client made (assumed -> new), so a role without delete rights that edited a ticket
 * deleted meanwhile gets the tombstone back as a conflict instead of a 403 it could never get past.
 */
export function planPush(ctx: RowContext, rows: readonly PlannedRow[], masters: ReadonlyMap<string, SyncDocument>): PushPlan {
  const plan: PushPlan = { writes: [], conflicts: [], violations: [], scopeChangedTicketIds: [], unchanged: [] };
  for (const row of rows) {
    const next = row.newDocumentState;
    const master = masters.get(next.id);
    if (master && jsonEqual(master, next)) {
      plan.unchanged.push(master);
      continue;
    }
    const stale = master !== undefined && (row.assumedMasterState == null || !jsonEqual(row.assumedMasterState, master));
    // A stale row is judged by what the client meant to do (its assumed state -> its new state), not against a
    // master it has not seen: editing a ticket that someone else deleted meanwhile is a conflict (the client
    // merges the deletion), not a forbidden "restore". Append-only documents stay refused once they exist.
    const base = stale && !APPEND_ONLY_COLLECTIONS.includes(ctx.collection) ? assumedState(row) : master;
    const denied = checkGrant(ctx, base, next);
    if (denied.length > 0) {
      plan.violations.push(...denied);
      continue;
    }
    if (master && (row.assumedMasterState == null || !jsonEqual(row.assumedMasterState, master))) {
      // Returning the master would reveal a ticket the user may not see.
      if (ctx.collection === 'tickets' && !canSeeTicket(ctx.actor, master as unknown as Ticket)) {
        plan.violations.push({
          status: 403,
          documentId: next.id,
          code: 'out_of_scope',
          message: `You cannot see ticket "${next.id}", so you cannot change it.`,
        });
      } else {
        plan.conflicts.push(master);
      }
      continue;
    }
    const problems = checkWrite(ctx, master, next);
    if (problems.length > 0) {
      plan.violations.push(...problems);
      continue;
    }
    plan.writes.push(next);
    if (ctx.collection === 'tickets' && master && scopeChanged(master, next)) plan.scopeChangedTicketIds.push(next.id);
  }
  return plan;
}
