import type { TicketStatus } from '../schemas/ticket.js';

/**
 * The incident and request lifecycle: New -> Assigned -> In progress -> Pending -> Resolved -> Closed,
 * with reopen from Resolved. One table, used by the client, the server and the tests.
 */
export const STATUS_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['assigned', 'in_progress', 'resolved'],
  assigned: ['new', 'in_progress', 'pending', 'resolved'],
  // Back to 'new' when nobody holds the ticket any more (unassigned, escalated to another group): see statusForAssignee.
  in_progress: ['new', 'assigned', 'pending', 'resolved'],
  pending: ['new', 'in_progress', 'assigned', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

/**
 * The statuses a ticket starts in: new, or assigned (a technician who records a ticket on site owns it at once).
 * Every later status is reached along STATUS_TRANSITIONS.
 */
export const INITIAL_STATUSES: readonly TicketStatus[] = ['new', 'assigned'];

/**
 * True when `to` can be reached from `from` along the lifecycle in one or more steps. A device that was offline
 * pushes only its latest state, so two legal steps (new -> in_progress -> pending) arrive as one jump; refusing
 * it would block that device's pushes forever, and accepting it grants nothing a client could not do by pushing
 * the steps one by one. Leaving "closed" stays impossible.
 */
export function reachableStatus(from: TicketStatus, to: TicketStatus): boolean {
  const seen = new Set<TicketStatus>([from]);
  const queue: TicketStatus[] = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === to) return true;
    for (const next of STATUS_TRANSITIONS[current]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/**
 * True when a ticket may first reach the server in `status`: one recorded offline and moved on before its first push
 * (even resolved and closed) arrives in its latest state, which must lie along the lifecycle from an initial status.
 */
export function reachableOnCreate(status: TicketStatus): boolean {
  return INITIAL_STATUSES.some((initial) => reachableStatus(initial, status));
}

/** True when a ticket may move from `from` to `to` (staying put is always allowed). */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

/** The statuses a ticket may move to next, in lifecycle order. */
export function nextStatuses(from: TicketStatus): readonly TicketStatus[] {
  return STATUS_TRANSITIONS[from];
}

const RESOLVED_STATUSES: readonly TicketStatus[] = ['resolved', 'closed'];

/**
 * True when a write took a ticket through its resolution: it arrives resolved or closed from an open status, or from
 * nothing (a create). An offline walk in_progress -> resolved -> closed arrives as one jump, and the caller must still
 * hear that it was resolved.
 */
export function reachedResolution(previous: TicketStatus | undefined, next: TicketStatus): boolean {
  return RESOLVED_STATUSES.includes(next) && (previous === undefined || !RESOLVED_STATUSES.includes(previous));
}

/** Statuses in which a ticket still needs work and counts towards the backlog. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'pending'];

/** Statuses that say a person holds the ticket: with nobody assigned they would tell the queue a lie. */
const HELD_STATUSES: readonly TicketStatus[] = ['assigned', 'in_progress'];

/**
 * The status consistent with who holds the ticket, for every action that sets or clears the assignee (assign,
 * unassign, hand over, escalate): nobody assigned takes an Assigned or In progress ticket back to New (it waits in
 * its group's queue); someone assigned to a New ticket makes it Assigned. Pending (waiting on someone outside),
 * Resolved and Closed do not depend on the assignee and stay.
 */
export function statusForAssignee(status: TicketStatus, assigneeId: string): TicketStatus {
  if (assigneeId === '') return HELD_STATUSES.includes(status) ? 'new' : status;
  return status === 'new' ? 'assigned' : status;
}

/**
 * The status a ticket takes when it is handed to another group without an assignee (functional escalation): open
 * work starts again in the new group's queue, so it is New whatever stage the previous group had reached (its
 * pending reason was that group's). Resolved and closed tickets keep their status.
 */
export function statusAfterHandOver(status: TicketStatus): TicketStatus {
  return OPEN_STATUSES.includes(status) ? 'new' : status;
}
