import type { Ticket } from '@shared';

/** Tickets whose customer can give feedback on site: resolved or closed ones. */
export function canCollectFeedback(ticket: Pick<Ticket, 'status'>): boolean {
  return ticket.status === 'resolved' || ticket.status === 'closed';
}
