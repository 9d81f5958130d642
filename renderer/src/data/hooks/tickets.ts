import type { Ticket, TicketEvent } from '@shared';
import { map } from 'rxjs';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';

/** One ticket: undefined while loading, null when it does not exist here. */
export function useTicket(id: string): Ticket | null | undefined {
  const db = useDb();
  return useObservable(
    () => db.tickets.findOne(id).$.pipe(map((d) => (d ? (d.toJSON() as Ticket) : null))),
    [db, id],
    undefined as Ticket | null | undefined,
  );
}

/** A ticket's history, newest first. */
export function useTicketEvents(ticketId: string): TicketEvent[] {
  const db = useDb();
  return useObservable(
    () =>
      db.ticket_events
        .find({ selector: { ticketId }, sort: [{ occurredAt: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as TicketEvent).reverse())),
    [db, ticketId],
    [] as TicketEvent[],
  );
}
