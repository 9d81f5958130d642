import { NOTIFY_BODY_MAX, NOTIFY_TITLE_MAX, isAppRoute } from '@shared/ipc/channels.js';
import type { NotifyRequest } from '@shared/ipc/channels.js';
import type { Ticket } from '@shared';

/** A ticket written locally by the replication, with the local state it replaced (null when it is new here). */
export interface TicketArrival {
  previous: Pick<Ticket, 'assigneeId'> | null;
  current: Pick<Ticket, 'id' | 'number' | 'title' | 'assigneeId' | 'updatedBy'>;
}

export interface AssignmentContext {
  /** The signed-in user. */
  userId: string;
  /** The first download after start is running: what it brings is not news. */
  firstSync: boolean;
}

/**
 * Tickets that became assigned to the user with this replication write: assigned to them now, not before on this
 * device, and not by the user themselves (their own edit, maybe from another device). Nothing during the first sync.
 */
export function newlyAssignedToMe<T extends TicketArrival>(arrivals: readonly T[], ctx: AssignmentContext): T['current'][] {
  if (ctx.firstSync || !ctx.userId) return [];
  const found = new Map<string, T['current']>();
  for (const { previous, current } of arrivals) {
    if (current.assigneeId !== ctx.userId) continue;
    if (previous?.assigneeId === ctx.userId) continue;
    if (current.updatedBy === ctx.userId) continue;
    found.set(current.id, current);
  }
  return [...found.values()];
}

export interface AssignmentWording {
  /** Title of the notification for one ticket, e.g. "Assigned to you: INC0001003". */
  one(ticket: { number: string }): string;
  /** Title when several arrive at once. */
  many(count: number): string;
}

/** At most this many separate notifications per replication write; more become one summary. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The native (or web) notifications to show for newly assigned tickets: one each, or one summary for a batch. */
export function assignmentNotifications(
  tickets: readonly Pick<Ticket, 'id' | 'number' | 'title'>[],
  wording: AssignmentWording,
): NotifyRequest[] {
  if (tickets.length === 0) return [];
  if (tickets.length > MAX_SEPARATE_NOTIFICATIONS) {
    return [
      {
        title: clip(wording.many(tickets.length), NOTIFY_TITLE_MAX),
        body: clip(tickets.map((t) => t.number).join(', '), NOTIFY_BODY_MAX),
        route: '/tickets',
      },
    ];
  }
  return tickets.map((t) => {
    const route = `/tickets/${t.id}`;
    return {
      title: clip(wording.one(t), NOTIFY_TITLE_MAX),
      body: clip(t.title, NOTIFY_BODY_MAX),
      route: isAppRoute(route) ? route : '/tickets',
    };
  });
}
