/**
 * The usual ticket dimensions of the reports: group, category, priority ('1'..'5'), channel, assignee (agent) and
 * caller, each '' when empty (unassigned, uncategorised). Any other dimension is a key function away.
 */
import type { Ticket } from '../schemas/ticket.js';
import { keyEncoder, type EncodedKeys } from './group-by.js';

const PRIORITY_KEYS = ['0', '1', '2', '3', '4', '5'];

/** Key functions for the usual ticket dimensions. */
export const TICKET_DIMENSIONS = {
  group: (t: Ticket): string => t.groupId,
  category: (t: Ticket): string => t.categoryId,
  priority: (t: Ticket): string => PRIORITY_KEYS[t.priority] ?? String(t.priority),
  channel: (t: Ticket): string => t.channel,
  assignee: (t: Ticket): string => t.assigneeId,
  caller: (t: Ticket): string => t.callerId,
} as const;

/** One of the usual ticket dimensions. */
export type TicketDimension = keyof typeof TICKET_DIMENSIONS;

/** Encodes the chosen usual dimensions (default: all) in one pass over the tickets, each ticket read once. */
export function encodeTicketDimensions<D extends TicketDimension = TicketDimension>(
  tickets: readonly Ticket[],
  dimensions: readonly D[] = Object.keys(TICKET_DIMENSIONS) as D[],
): Record<D, EncodedKeys> {
  const n = tickets.length;
  const want = new Set<TicketDimension>(dimensions);
  const enc = (d: TicketDimension): ReturnType<typeof keyEncoder> | null => (want.has(d) ? keyEncoder(n) : null);
  const [group, category, priority, channel, assignee, caller] = [
    enc('group'),
    enc('category'),
    enc('priority'),
    enc('channel'),
    enc('assignee'),
    enc('caller'),
  ];
  for (let i = 0; i < n; i++) {
    const t = tickets[i];
    group?.add(i, t.groupId);
    category?.add(i, t.categoryId);
    priority?.add(i, PRIORITY_KEYS[t.priority] ?? String(t.priority));
    channel?.add(i, t.channel);
    assignee?.add(i, t.assigneeId);
    caller?.add(i, t.callerId);
  }
  const all = { group, category, priority, channel, assignee, caller };
  return Object.fromEntries(dimensions.map((d) => [d, all[d]?.finish()])) as Record<D, EncodedKeys>;
}
