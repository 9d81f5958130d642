import type { Ticket } from '@shared';
import { useEffect, useMemo, useState } from 'react';
import { useDb } from '../provider.js';
import { queueIndexFor } from '../queue-index/load-queue-index.js';
import type { QueueIndex, TicketList } from '../queue-index/queue-index.js';
import type { QueueFilter } from '../queue-index/queue-filter.js';
import type { AssigneeName, QueueSort } from '../queue-index/queue-sort.js';
import type { NamedQueue, QueueOwner } from '../queue-index/named-queues.js';

/** Bursts of changes (a sync page, the initial load) re-run the visible query at most this often. */
const REFRESH_MS = 100;

export function useQueueIndex(): QueueIndex {
  return queueIndexFor(useDb().tickets);
}

/** The index's version, refreshed when it changes (at most every REFRESH_MS while changes keep coming). */
function useIndexVersion(index: QueueIndex): number {
  const [version, setVersion] = useState(index.version);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const flush = () => {
      timer = null;
      last = Date.now();
      setVersion(index.version);
    };
    const unsubscribe = index.subscribe(() => {
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, last + REFRESH_MS - Date.now()));
    });
    setVersion(index.version);
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [index]);
  return version;
}

const byNumber = (a: Ticket, b: Ticket) => a.number.localeCompare(b.number, undefined, { numeric: true });

/** The tickets of one type on this device, by number, live; undefined until every stored ticket has been read. */
export function useTicketsOfType(type: Ticket['type']): Ticket[] | undefined {
  const index = useQueueIndex();
  const version = useIndexVersion(index);
  // version: the index changed.
  return useMemo(() => (index.loaded ? index.ofType(type).sort(byNumber) : undefined), [index, version, type]);
}

/** The tickets this knowledge article is linked to, by number, live. */
export function useTicketsLinkingArticle(articleId: string): Ticket[] {
  const index = useQueueIndex();
  const version = useIndexVersion(index);
  return useMemo(
    () => index.where((t) => (t.linkedArticleIds ?? []).includes(articleId)).sort(byNumber),
    // version: the index changed.
    [index, version, articleId],
  );
}

export interface TicketQueueRequest {
  queue: NamedQueue;
  me: QueueOwner;
  filter: QueueFilter;
  sort: QueueSort;
  limit?: number;
  /** How the assignee column sorts (by name); only the queue table needs it. */
  assigneeName?: AssigneeName;
  /** The CIs that are or support the filter's services, computed once per filter (see compileFilter). */
  serviceCis?: ReadonlySet<string> | null;
}

export interface TicketQueueView {
  /** Every matching ticket in order (the table renders only the visible ones). */
  tickets: TicketList;
  /** Nothing read yet. */
  loading: boolean;
  /** False while older tickets are still being read: the first rows are final, the list may grow. */
  complete: boolean;
}

/** A queue, filtered and sorted in memory by the queue index; live as tickets change. */
export function useTicketQueue(r: TicketQueueRequest): TicketQueueView {
  const index = useQueueIndex();
  const version = useIndexVersion(index);
  const { queue, sort, limit, assigneeName, serviceCis } = r;
  const meKey = `${r.me.id}|${r.me.groupIds.join(',')}`;
  const filterKey = JSON.stringify(r.filter);
  if (assigneeName) index.setAssigneeNames(assigneeName);
  const tickets = useMemo(
    () => {
      const [id, groups] = meKey.split('|');
      const me = { id, groupIds: groups ? groups.split(',') : [] };
      return index.query({ queue, me, filter: JSON.parse(filterKey) as QueueFilter, sort, limit, serviceCis });
    },
    // version: the index changed; the rest: the request did. sort is compared by its fields.
    [index, version, queue, meKey, filterKey, sort.column, sort.direction, limit, assigneeName, serviceCis],
  );
  return { tickets, loading: !index.loaded && index.size === 0, complete: index.loaded };
}
