import type { Priority } from '@shared';
import { TICKET_STATUSES } from '@shared';
import { AGE_FILTERS, DEFAULT_SORT, EMPTY_FILTER, NAMED_QUEUES, SORT_COLUMNS } from '../../data/index.js';
import type { AgeFilter, NamedQueue, QueueFilter, QueueSort, SortColumn, TicketStatusFilter } from '../../data/index.js';

/** The queue's state lives in the URL (shareable, kept on reload): queue, filter fields and sort. */
export interface QueueState {
  queue: NamedQueue;
  filter: QueueFilter;
  sort: QueueSort;
}

const STATUS_FILTERS: readonly string[] = ['all', 'open', ...TICKET_STATUSES];
const PRIORITIES: readonly string[] = ['1', '2', '3', '4', '5'];

function list(params: URLSearchParams, key: string): string[] {
  const v = params.get(key);
  // '' (unassigned) travels as '-' so that an empty assignee survives the comma list.
  return v ? v.split(',').map((x) => (x === '-' ? '' : x)) : [];
}

export function asQueue(v: string | null): NamedQueue {
  return v && (NAMED_QUEUES as readonly string[]).includes(v) ? (v as NamedQueue) : 'all';
}

export function readQueueState(params: URLSearchParams): QueueState {
  const status = params.get('status');
  const age = params.get('age');
  const column = params.get('sort');
  const sort: QueueSort =
    column && (SORT_COLUMNS as readonly string[]).includes(column)
      ? { column: column as SortColumn, direction: params.get('dir') === 'asc' ? 'asc' : 'desc' }
      : DEFAULT_SORT;
  return {
    queue: asQueue(params.get('queue')),
    filter: {
      status: status && STATUS_FILTERS.includes(status) ? (status as TicketStatusFilter) : 'all',
      priorities: list(params, 'prio')
        .filter((p) => PRIORITIES.includes(p))
        .map((p) => Number(p) as Priority),
      groupIds: list(params, 'group'),
      assigneeIds: list(params, 'assignee'),
      categoryIds: list(params, 'cat'),
      age: age && (AGE_FILTERS as readonly string[]).includes(age) ? (age as AgeFilter) : '',
      ciIds: list(params, 'ci').filter(Boolean),
      serviceIds: list(params, 'svc').filter(Boolean),
      text: params.get('q') ?? '',
    },
    sort,
  };
}

/** The URL parameters of a filter (defaults left out), merged over the other parameters. */
export function writeFilter(params: URLSearchParams, f: QueueFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
  set('status', f.status === 'all' ? '' : f.status);
  set('prio', f.priorities.join(','));
  set('group', f.groupIds.join(','));
  set('assignee', f.assigneeIds.map((a) => (a === '' ? '-' : a)).join(','));
  set('cat', f.categoryIds.join(','));
  set('age', f.age);
  set('ci', f.ciIds.join(','));
  set('svc', f.serviceIds.join(','));
  set('q', f.text);
  return next;
}

export function writeSort(params: URLSearchParams, sort: QueueSort): URLSearchParams {
  const next = new URLSearchParams(params);
  if (sort.column === DEFAULT_SORT.column && sort.direction === DEFAULT_SORT.direction) {
    next.delete('sort');
    next.delete('dir');
  } else {
    next.set('sort', sort.column);
    next.set('dir', sort.direction);
  }
  return next;
}

/** Whether two filters select the same tickets (lists compared as sets). */
export function sameFilter(a: QueueFilter, b: QueueFilter): boolean {
  const sameSet = (x: readonly unknown[], y: readonly unknown[]) => x.length === y.length && x.every((v) => y.includes(v));
  return (
    a.status === b.status &&
    a.age === b.age &&
    a.text.trim() === b.text.trim() &&
    sameSet(a.priorities, b.priorities) &&
    sameSet(a.groupIds, b.groupIds) &&
    sameSet(a.assigneeIds, b.assigneeIds) &&
    sameSet(a.categoryIds, b.categoryIds) &&
    sameSet(a.ciIds, b.ciIds) &&
    sameSet(a.serviceIds, b.serviceIds)
  );
}

export function isEmptyFilter(f: QueueFilter): boolean {
  return sameFilter(f, EMPTY_FILTER);
}
