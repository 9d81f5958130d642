/**
 * Per-ticket facts, derived once from a ticket and its events (in occurredAt order) so that every breakdown only
 * adds them up. Times are event `occurredAt`; durations are clamped at 0 against clock skew.
 *
 * - Acknowledged at: the first event that moves the ticket out of 'new': a status_change whose fromValue is 'new'
 *   (to anything else), or any assignment event. Time to acknowledge = that minus createdAt.
 * - Resolved at: the first status_change whose toValue is 'resolved'. Time to resolve = that minus createdAt.
 *   A ticket is "resolved at least once" when that event exists (events only; the current status is not used).
 * - Reopened: resolved at least once AND has a status_change from 'resolved' to an open status
 *   (new, assigned, in_progress, pending).
 * - Escalated: has at least one 'escalation' event (functional or hierarchical).
 * - Assignments: number of assignment events; reassignments = assignments beyond the first = max(0, n - 1).
 *   Transferred: some assignment event moves the ticket from one non-empty assignee/group to a different one.
 * - First-contact resolution: resolved at least once, not escalated, not transferred, and at most one assignment.
 *   (The literal definition: a later reopen does not cancel it.)
 * - Done toggles (for the backlog): the times at which the ticket enters a done state (a status_change to resolved
 *   or closed while open) and leaves it (a status_change to an open status while done), alternating, starting with
 *   "enters done". When the state after the last event disagrees with the ticket's current status (history not
 *   complete on this replica), one more toggle at max(updatedAt, createdAt, last toggle) makes them agree.
 */
import type { TicketEvent } from '../schemas/ticket-event.js';
import type { Ticket } from '../schemas/ticket.js';
import { EVENT_BITS as B, eventCode } from './event-codes.js';

/** Bits of a ticket's fact flags. */
export const FACT_FLAGS = { resolved: 1, reopened: 2, escalated: 4, transferred: 8, firstContact: 16 } as const;

/** What the reports need to know about one ticket (null when the event did not happen). */
export interface TicketFacts {
  ticket: Ticket;
  ackMs: number | null;
  resolveMs: number | null;
  resolved: boolean;
  reopened: boolean;
  escalated: boolean;
  transferred: boolean;
  firstContact: boolean;
  assignments: number;
  reassignments: number;
  /** Alternating times: enters done (resolved/closed), leaves done, enters done... */
  doneToggles: number[];
}

/** Scratch output of one scan: times are NaN when the event did not happen. */
export interface FactsScratch {
  ackAt: number;
  resolvedAt: number;
  flags: number;
  assignments: number;
}

const isDone = (status: string): boolean => status === 'resolved' || status === 'closed';

/** Scans one ticket's coded events, rows start..end of (times, codes) in time order, into `out` and `toggles`. */
export function scanTicketEvents(
  ticket: Ticket,
  times: ArrayLike<number>,
  codes: ArrayLike<number>,
  start: number,
  end: number,
  out: FactsScratch,
  toggles: number[],
): void {
  let ackAt = NaN;
  let resolvedAt = NaN;
  let leftResolved = false;
  let escalated = false;
  let transferred = false;
  let assignments = 0;
  let done = false;
  let lastToggle = ticket.createdAt;
  for (let i = start; i < end; i++) {
    const c = codes[i];
    const t = times[i];
    if (c & B.status) {
      if (ackAt !== ackAt && c & B.fromNew && !(c & B.toNew)) ackAt = t;
      if (resolvedAt !== resolvedAt && c & B.toResolved) resolvedAt = t;
      if (c & B.toOpen && c & B.fromResolved) leftResolved = true;
      if (done ? c & B.toOpen : c & B.toDone) {
        toggles.push((lastToggle = t));
        done = !done;
      }
    } else if (c & B.assignment) {
      assignments++;
      if (ackAt !== ackAt) ackAt = t;
      if (c & B.transfer) transferred = true;
    } else if (c & B.escalation) {
      escalated = true;
    }
  }
  if (done !== isDone(ticket.status)) toggles.push(Math.max(ticket.updatedAt, ticket.createdAt, lastToggle));
  const resolved = resolvedAt === resolvedAt;
  out.ackAt = ackAt;
  out.resolvedAt = resolvedAt;
  out.assignments = assignments;
  out.flags =
    (resolved ? FACT_FLAGS.resolved : 0) |
    (resolved && leftResolved ? FACT_FLAGS.reopened : 0) |
    (escalated ? FACT_FLAGS.escalated : 0) |
    (transferred ? FACT_FLAGS.transferred : 0) |
    (resolved && !escalated && !transferred && assignments <= 1 ? FACT_FLAGS.firstContact : 0);
}

/** Derives one ticket's facts from its events (in any order: a stable sort by occurredAt is applied). */
export function ticketFacts(ticket: Ticket, events: readonly TicketEvent[]): TicketFacts {
  const sorted = [...events].sort((a, b) => a.occurredAt - b.occurredAt);
  const out: FactsScratch = { ackAt: NaN, resolvedAt: NaN, flags: 0, assignments: 0 };
  const doneToggles: number[] = [];
  const times = sorted.map((e) => e.occurredAt);
  scanTicketEvents(ticket, times, sorted.map(eventCode), 0, sorted.length, out, doneToggles);
  const since = (t: number): number | null => (t === t ? Math.max(0, t - ticket.createdAt) : null);
  const has = (bit: number): boolean => (out.flags & bit) !== 0;
  return {
    ticket,
    ackMs: since(out.ackAt),
    resolveMs: since(out.resolvedAt),
    resolved: has(FACT_FLAGS.resolved),
    reopened: has(FACT_FLAGS.reopened),
    escalated: has(FACT_FLAGS.escalated),
    transferred: has(FACT_FLAGS.transferred),
    firstContact: has(FACT_FLAGS.firstContact),
    assignments: out.assignments,
    reassignments: Math.max(0, out.assignments - 1),
    doneToggles,
  };
}
