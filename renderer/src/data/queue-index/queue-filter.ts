import type { Priority, Ticket, TicketStatus } from '@shared';
import { OPEN_STATUSES, ticketNamesAnyCi } from '@shared';
import { looksLikeProvisionalNumber, provisionalNumber } from '@shared/domain/ticket-numbering.js';
import { foldText } from './fold-text.js';
import type { NamedQueue, QueueOwner } from './named-queues.js';

export type TicketStatusFilter = TicketStatus | 'open' | 'all';

/** Ticket age (since it was created): under a day, under a week, over a week, over a month. */
export const AGE_FILTERS = ['lt1d', 'lt7d', 'gt7d', 'gt30d'] as const;
export type AgeFilter = (typeof AGE_FILTERS)[number];

/** What a queue can be narrowed by, and what a saved filter stores. Empty lists and '' mean "any". */
export interface QueueFilter {
  status: TicketStatusFilter;
  priorities: Priority[];
  groupIds: string[];
  /** '' stands for unassigned. */
  assigneeIds: string[];
  categoryIds: string[];
  age: AgeFilter | '';
  /** Tickets naming any of these CIs. */
  ciIds: string[];
  /** Tickets whose CIs are, or support, any of these services (resolved to CIs by the caller: `serviceCis`). */
  serviceIds: string[];
  /** Every word must appear in the title or the number, ignoring case and accents. */
  text: string;
}

export const EMPTY_FILTER: QueueFilter = {
  status: 'all',
  priorities: [],
  groupIds: [],
  assigneeIds: [],
  categoryIds: [],
  age: '',
  ciIds: [],
  serviceIds: [],
  text: '',
};

const DAY_MS = 86_400_000;
const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);

/** Facts about a ticket that named queues test, as bits computed once per ticket version. */
export const FLAG_OPEN = 1;
export const FLAG_UNASSIGNED = 2;
export const FLAG_ESCALATED = 4;
export const FLAG_MAJOR = 8;

export function queueFlags(t: Ticket): number {
  return (
    (OPEN.has(t.status) ? FLAG_OPEN : 0) |
    (t.assigneeId === '' ? FLAG_UNASSIGNED : 0) |
    ((t.escalationTier ?? 1) > 1 || t.escalatedToSupervisor === true ? FLAG_ESCALATED : 0) |
    (t.major === true ? FLAG_MAJOR : 0)
  );
}

const QUEUE_FLAGS: Record<NamedQueue, number> = {
  all: 0,
  mine: FLAG_OPEN,
  groups: FLAG_OPEN,
  unassigned: FLAG_OPEN | FLAG_UNASSIGNED,
  escalated: FLAG_OPEN | FLAG_ESCALATED,
  major: FLAG_OPEN | FLAG_MAJOR,
  open: FLAG_OPEN,
};

/** Whether a ticket belongs to a named queue; named queues other than 'all' hold open tickets only. */
export function inNamedQueue(t: Ticket, queue: NamedQueue, me: QueueOwner): boolean {
  const mask = QUEUE_FLAGS[queue];
  if ((queueFlags(t) & mask) !== mask) return false;
  if (queue === 'mine') return me.id !== '' && t.assigneeId === me.id;
  if (queue === 'groups') return me.groupIds.includes(t.groupId);
  return true;
}

/** The search text's words, folded; a ticket matches when its folded title and number contain them all. */
export function searchWords(text: string): string[] {
  return foldText(text).split(/\s+/u).filter(Boolean);
}

/** Folded "title number", what the text filter searches. */
export function searchableText(t: Ticket): string {
  return foldText(`${t.title} ${t.number}`);
}

function ageTest(age: AgeFilter | '', now: number): ((createdAt: number) => boolean) | null {
  switch (age) {
    case 'lt1d':
      return (c) => c > now - DAY_MS;
    case 'lt7d':
      return (c) => c > now - 7 * DAY_MS;
    case 'gt7d':
      return (c) => c <= now - 7 * DAY_MS;
    case 'gt30d':
      return (c) => c <= now - 30 * DAY_MS;
    default:
      return null;
  }
}

/**
 * A search word's test. A whole provisional number also finds its ticket after the server confirmed another number:
 * a technician may have given it to the customer, and it derives from the ticket's id.
 */
function wordTest(word: string): (row: FilterableRow) => boolean {
  if (!looksLikeProvisionalNumber(word)) return (r) => r.text.includes(word);
  const number = word.toUpperCase();
  return (r) => r.text.includes(word) || provisionalNumber(r.ticket.id) === number;
}

/** What the compiled predicate reads: the ticket, its queue flags and its folded searchable text. */
export interface FilterableRow {
  ticket: Ticket;
  flags: number;
  text: string;
}

/**
 * One predicate for the queue, the filter and the search text. Built once per query and run over every row, so
 * conditions that are not set cost nothing; the named queue is mostly a bit test. A service filter needs the CIs
 * that are or support its services (`cisSupportingServices`, computed once by the caller); without them (the CIs
 * not read yet) it matches tickets naming the services themselves.
 */
export function compileFilter(
  queue: NamedQueue,
  me: QueueOwner,
  f: QueueFilter,
  now: number,
  serviceCis: ReadonlySet<string> | null = null,
): (row: FilterableRow) => boolean {
  const tests: ((row: FilterableRow) => boolean)[] = [];
  if (queue === 'mine') {
    const id = me.id;
    tests.push((r) => r.ticket.assigneeId === id && id !== '');
  } else if (queue === 'groups') {
    const groups = new Set(me.groupIds);
    tests.push((r) => groups.has(r.ticket.groupId));
  }
  if (f.status === 'open') tests.push((r) => (r.flags & FLAG_OPEN) !== 0);
  else if (f.status !== 'all') {
    const status = f.status;
    tests.push((r) => r.ticket.status === status);
  }
  if (f.priorities.length) {
    const set = new Set<number>(f.priorities);
    tests.push((r) => set.has(r.ticket.priority));
  }
  for (const [values, field] of [
    [f.groupIds, 'groupId'],
    [f.assigneeIds, 'assigneeId'],
    [f.categoryIds, 'categoryId'],
  ] as const) {
    if (values.length === 0) continue;
    const set = new Set(values);
    tests.push((r) => set.has(r.ticket[field]));
  }
  if (f.ciIds.length) {
    const cis = new Set(f.ciIds);
    tests.push((r) => ticketNamesAnyCi(r.ticket.ciIds, cis));
  }
  if (f.serviceIds.length) {
    const cis = serviceCis ?? new Set(f.serviceIds);
    tests.push((r) => ticketNamesAnyCi(r.ticket.ciIds, cis));
  }
  const age = ageTest(f.age, now);
  if (age) tests.push((r) => age(r.ticket.createdAt));
  const words = searchWords(f.text).map(wordTest);
  if (words.length === 1) tests.push(words[0]);
  else if (words.length > 1) tests.push((r) => words.every((test) => test(r)));
  const mask = QUEUE_FLAGS[queue];
  const rest = tests.length === 0 ? null : tests.length === 1 ? tests[0] : (r: FilterableRow) => tests.every((test) => test(r));
  if (mask === 0) return rest ?? (() => true);
  return rest ? (r) => (r.flags & mask) === mask && rest(r) : (r) => (r.flags & mask) === mask;
}
