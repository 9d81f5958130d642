import type { Ticket } from '@shared';
import { useMemo } from 'react';
import { EMPTY_FILTER } from '../queue-index/queue-filter.js';
import { DEFAULT_SORT } from '../queue-index/queue-sort.js';
import { useTicketQueue } from './queue.js';

const NOBODY = { id: '', groupIds: [] };

/** The `limit` most recently updated open tickets (from the queue index), for duplicate hints. */
export function useOpenTickets(limit = 8000): Ticket[] {
  const { tickets } = useTicketQueue({ queue: 'open', me: NOBODY, filter: EMPTY_FILTER, sort: DEFAULT_SORT, limit });
  return useMemo(() => tickets.slice(), [tickets]);
}
