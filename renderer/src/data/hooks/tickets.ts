import type { Ticket, TicketEvent, TicketStatus } from '@shared';
import { OPEN_STATUSES } from '@shared';
import { combineLatest, map } from 'rxjs';
import type { MangoQuery } from 'rxdb';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';
import { namedQueueSelector } from './named-queues.js';
import type { NamedQueue, QueueOwner } from './named-queues.js';

export type TicketStatusFilter = TicketStatus | 'open' | 'all';

export interface TicketQueueQuery {
  status: TicketStatusFilter;
  /** Matched case-insensitively against the title and the number. */
  text: string;
  page: number;
  pageSize: number;
  /** A named queue (open tickets only, except 'all'); `me` says whose. */
  queue?: NamedQueue;
  me?: QueueOwner;
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
  const named = q.queue && q.queue !== 'all' ? (namedQueueSelector(q.queue, q.me ?? { id: '', groupIds: [] }) ?? {}) : null;
  if (q.status === 'open' || named) {
    const limit = (q.page + 1) * q.pageSize + 1;
    const extra = named ?? {};
    const combined =
      textSelector.$or && extra.$or ? { $and: [{ $or: textSelector.$or }, { $or: extra.$or }] } : { ...textSelector, ...extra };
    return {
      queries:
        ownerKeyed(q, combined)?.map((selector) => ({ selector, sort, limit })) ??
        OPEN_STATUSES.map((status) => ({ selector: { ...combined, status }, sort, limit })),
      offset: q.page * q.pageSize,
    };
  }
  const selector = q.status === 'all' ? textSelector : { ...textSelector, status: q.status };
  return { queries: [{ selector, sort, skip: q.page * q.pageSize, limit: q.pageSize + 1 }], offset: 0 };
}

/**
 * Queues keyed by assignee or group use the [assigneeId, queueKey] and [groupId, queueKey] indexes (one query per
 * group), with the open statuses as an in-memory condition: they scan only that person's or group's tickets.
 */
function ownerKeyed(q: TicketQueueQuery, combined: MangoQuery<Ticket>['selector']): MangoQuery<Ticket>['selector'][] | null {
  const open = { status: { $in: [...OPEN_STATUSES] } };
  if (q.queue === 'mine' || q.queue === 'unassigned') return [{ ...combined, ...open }];
  if (q.queue === 'groups') return (q.me?.groupIds ?? []).map((groupId) => ({ ...combined, ...open, groupId }));
  return null;
}

function byQueueOrder(a: Ticket, b: Ticket): number {
  return a.queueKey - b.queueKey || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function useTickets(q: TicketQueueQuery): TicketQueuePage {
  const db = useDb();
  const { status, text, page, pageSize, queue } = q;
  const meId = q.me?.id ?? '';
  const meGroups = (q.me?.groupIds ?? []).join(',');
  const rows = useObservable(
    () => {
      const me = { id: meId, groupIds: meGroups ? meGroups.split(',') : [] };
      const { queries, offset } = ticketQueueQueries({ status, text, page, pageSize, queue, me });
      const lists = queries.map((query) => db.tickets.find(query).$.pipe(map((docs) => docs.map((d) => d.toJSON() as Ticket))));
      return combineLatest(lists).pipe(map((all) => (all.length === 1 ? all[0] : all.flat().sort(byQueueOrder).slice(offset))));
    },
    [db, status, text, page, pageSize, queue, meId, meGroups],
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
