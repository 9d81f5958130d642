import type { Ticket } from '@shared';
import { TICKET_STATUSES } from '@shared';
import { foldText } from './fold-text.js';

/** The queue table's columns, each sortable. */
export const SORT_COLUMNS = ['number', 'title', 'status', 'priority', 'assignee', 'updated'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export interface QueueSort {
  column: SortColumn;
  direction: SortDirection;
}

/** Newest update first: the queue's usual order. */
export const DEFAULT_SORT: QueueSort = { column: 'updated', direction: 'desc' };

const STATUS_ORDER = new Map<string, number>(TICKET_STATUSES.map((s, i) => [s, i]));

/** Name of an assignee for sorting; unassigned ('') sorts first. */
export type AssigneeName = (id: string) => string;

/** The value a column sorts by: numbers for status (lifecycle order), priority and time; folded text otherwise. */
export function sortKey(column: SortColumn, t: Ticket, assigneeName: AssigneeName): number | string {
  switch (column) {
    case 'number':
      return t.number;
    case 'title':
      return foldText(t.title);
    case 'status':
      return STATUS_ORDER.get(t.status) ?? 99;
    case 'priority':
      return t.priority;
    case 'assignee':
      return t.assigneeId ? foldText(assigneeName(t.assigneeId)) : '';
    case 'updated':
      return t.updatedAt;
  }
}
