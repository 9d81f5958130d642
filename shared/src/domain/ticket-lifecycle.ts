import type { TicketStatus } from '../schemas/ticket.js';

/**
 * The incident and request lifecycle: New -> Assigned -> In progress -> Pending -> Resolved -> Closed,
 * with reopen from Resolved. One table, used by the client, the server and the tests.
 */
export const STATUS_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['assigned', 'in_progress', 'resolved'],
  assigned: ['new', 'in_progress', 'pending', 'resolved'],
  in_progress: ['assigned', 'pending', 'resolved'],
  pending: ['in_progress', 'assigned', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

/**
 * The statuses a ticket may be created in: new, or assigned (a technician who records a ticket on site owns it at
 * once). Every later status is reached along STATUS_TRANSITIONS, so a ticket is never born resolved or closed.
 */
export const INITIAL_STATUSES: readonly TicketStatus[] = ['new', 'assigned'];

/** True when a ticket may move from `from` to `to` (staying put is always allowed). */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

/** The statuses a ticket may move to next, in lifecycle order. */
export function nextStatuses(from: TicketStatus): readonly TicketStatus[] {
  return STATUS_TRANSITIONS[from];
}

/** Statuses in which a ticket still needs work and counts towards the backlog. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'pending'];
