import type { Ticket, TicketEvent } from '@shared';
import { isProvisionalNumber } from '@shared/domain/ticket-numbering.js';
import { filter, map, take } from 'rxjs';
import type { DeskDatabase } from '../types.js';
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

/** Calls `listener` once with the ticket's number when the server has confirmed it (at once if it has); returns a stop. */
export function onNumberConfirmed(db: DeskDatabase, id: string, listener: (number: string) => void): () => void {
  const sub = db.tickets
    .findOne(id)
    .$.pipe(
      map((d) => d?.number ?? ''),
      filter((number) => number !== '' && !isProvisionalNumber(number)),
      take(1),
    )
    .subscribe(listener);
  return () => sub.unsubscribe();
}
