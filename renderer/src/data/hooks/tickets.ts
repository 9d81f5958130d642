import type { Ticket, TicketEvent, TicketStatus } from '@shared';
import { OPEN_STATUSES } from '@shared';
import { combineLatest, map } from 'rxjs';
import type { MangoQuery } from 'rxdb';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';

export type TicketStatusFilter = TicketStatus | 'open' | 'all';

export interface TicketQueueQuery {
  status: TicketStatusFilter;
  /** Matched case-insensitively against the title and the number. */
  text: string;
  page: number;
  pageSize: number;
}

export interface TicketQueuePage {
  tickets: Ticket[];
  hasMore: boolean;
  loading: boolean;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The queue as index-served queries: newest update first through the ascending, indexed queueKey, one extra row to
 * know whether more follow. "open" spans several statuses, and an `$in` cannot be sorted by the [status, queueKey]
 * index, so it runs one query per open status and merges them (`offset` rows are then skipped after the merge).
 */
export function ticketQueueQueries(q: TicketQueueQuery): { queries: MangoQuery<Ticket>[]; offset: number } {
  const textSelector: MangoQuery<Ticket>['selector'] = {};
  const text = q.text.trim();
  if (text) {
    const pattern = escapeRegex(text);
    textSelector.$or = [{ title: { $regex: pattern, $options: 'i' } }, { number: { $regex: pattern, $options: 'i' } }];
  }
  const sort: MangoQuery<Ticket>['sort'] = [{ queueKey: 'asc' }];
  if (q.status === 'open') {
    const limit = (q.page + 1) * q.pageSize + 1;
    return {
      queries: OPEN_STATUSES.map((status) => ({ selector: { ...textSelector, status }, sort, limit })),
      offset: q.page * q.pageSize,
    };
  }
  const selector = q.status === 'all' ? textSelector : { ...textSelector, status: q.status };
  return { queries: [{ selector, sort, skip: q.page * q.pageSize, limit: q.pageSize + 1 }], offset: 0 };
}

function byQueueOrder(a: Ticket, b: Ticket): number {
  return a.queueKey - b.queueKey || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function useTickets(q: TicketQueueQuery): TicketQueuePage {
  const db = useDb();
  const { status, text, page, pageSize } = q;
  const rows = useObservable(
    () => {
      const { queries, offset } = ticketQueueQueries({ status, text, page, pageSize });
      const lists = queries.map((query) => db.tickets.find(query).$.pipe(map((docs) => docs.map((d) => d.toJSON() as Ticket))));
      return combineLatest(lists).pipe(map((all) => (all.length === 1 ? all[0] : all.flat().sort(byQueueOrder).slice(offset))));
    },
    [db, status, text, page, pageSize],
    null as Ticket[] | null,
  );
  return { tickets: rows ? rows.slice(0, pageSize) : [], hasMore: rows ? rows.length > pageSize : false, loading: rows === null };
}

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
