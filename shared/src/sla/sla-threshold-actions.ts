import { changeEntries, SYSTEM_AUTHOR_ID } from '../domain/ticket-history.js';
import { applyTicketPatch, clipTicketText, handOverPatch, type TicketPatch } from '../domain/ticket-writes.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import type { Priority, Ticket } from '../schemas/ticket.js';
import type { SlaThreshold } from './sla-policy.js';

/** The threshold actions that change the ticket itself (the others notify people). */
export const TICKET_CHANGING_SLA_ACTIONS: readonly SlaThreshold['actions'][number][] = ['reassign', 'raise_priority'];

/** Whether any of these thresholds changes the ticket when it fires (so it is stored even with nobody to notify). */
export function thresholdsChangeTicket(thresholds: readonly Pick<SlaThreshold, 'actions'>[]): boolean {
  return thresholds.some((t) => t.actions.some((a) => TICKET_CHANGING_SLA_ACTIONS.includes(a)));
}

/** One step more urgent: priority 1 is the highest and stays 1. */
export function raisedPriority(priority: Priority): Priority {
  return priority > 1 ? ((priority - 1) as Priority) : 1;
}

/** What firing a threshold did to its ticket. */
export interface SlaTicketChange {
  /** The ticket after the actions, written through applyTicketPatch as every other ticket write. */
  ticket: Ticket;
  /** Its history entries (hand-over, assignment, status, tracked fields), authored by the system. */
  events: TicketEvent[];
  /** The group it was handed to, when `reassign` moved it. */
  reassignedTo?: string;
  /** Its new priority, when `raise_priority` raised it. */
  raisedTo?: Priority;
}

export interface SlaThresholdFiring {
  /** The clock key as stored (`resolution`, `update@<start>`…) and the threshold reached. */
  clock: string;
  percent: number;
  now: number;
  /** Prefix of the entries' ids: derived from the fired action, so a repeated write is the same entry. */
  eventIdPrefix: string;
  /** Whether an id names a live assignment group (an action naming a removed group does nothing). */
  isActiveGroup: (groupId: string) => boolean;
}

/**
 * The ticket changes of a threshold that fired (`thresholds`: the policy's thresholds at that percentage):
 * `reassign` hands the ticket to the threshold's group, unassigned there (handOverPatch, as a functional escalation
 * does); `raise_priority` makes it one step more urgent, never above priority 1, with an override reason naming the
 * SLA (the matrix would otherwise recompute it). Null when nothing changes (already in that group, already priority 1,
 * no such action, a group that no longer exists). Pure: the server's scheduler writes the result.
 */
export function applySlaThresholdActions(
  ticket: Ticket,
  thresholds: readonly SlaThreshold[],
  firing: SlaThresholdFiring,
): SlaTicketChange | null {
  const actions = new Set(thresholds.flatMap((t) => t.actions));
  const why = `SLA: ${firing.clock.split('@')[0]} clock reached ${firing.percent} % of its target`;
  let patch: TicketPatch = {};
  let reassignedTo: string | undefined;
  if (actions.has('reassign')) {
    const groupId = thresholds.find((t) => t.actions.includes('reassign') && t.groupId)?.groupId;
    if (groupId && groupId !== ticket.groupId && firing.isActiveGroup(groupId)) {
      patch = { ...patch, ...handOverPatch(ticket, groupId) };
      reassignedTo = groupId;
    }
  }
  let raisedTo: Priority | undefined;
  if (actions.has('raise_priority') && ticket.priority > 1) {
    raisedTo = raisedPriority(ticket.priority);
    patch = { ...patch, priority: raisedTo, priorityOverrideReason: clipTicketText('priorityOverrideReason', why) };
  }
  if (reassignedTo === undefined && raisedTo === undefined) return null;
  const next = applyTicketPatch(ticket, patch, SYSTEM_AUTHOR_ID, firing.now);
  const base = { ticketId: ticket.id, authorId: SYSTEM_AUTHOR_ID, occurredAt: firing.now, minutes: 0 };
  const events: TicketEvent[] = [];
  if (reassignedTo !== undefined)
    events.push({
      ...base,
      id: `${firing.eventIdPrefix}-escalation`,
      kind: 'escalation',
      // The history's sla_action entry beside it says why, in the reader's language.
      body: '',
      fromValue: ticket.groupId,
      toValue: reassignedTo,
    });
  events.push(
    ...changeEntries(ticket, next, { authorId: SYSTEM_AUTHOR_ID, occurredAt: firing.now, idPrefix: firing.eventIdPrefix }),
  );
  return {
    ticket: next,
    events,
    ...(reassignedTo === undefined ? {} : { reassignedTo }),
    ...(raisedTo === undefined ? {} : { raisedTo }),
  };
}
