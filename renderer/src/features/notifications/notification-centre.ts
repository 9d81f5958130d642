import type { Ticket, TicketEvent } from '@shared';
import { asksForApproval, slaWarningReaches, watcherChange } from '@shared';
import type { NotificationEntry, NotificationKind } from '../../data/index.js';
import { foldText } from '../../data/index.js';
import type { AssignmentContext, TicketArrival } from './assignment-notices.js';

/** The newest entries kept per user on a device; older ones drop off (they are reminders, not a record). */
export const NOTIFICATION_CAP = 200;

type TicketFacts = Pick<Ticket, 'id' | 'number' | 'title' | 'updatedAt'>;

/**
 * The entry for a ticket write. The id names the ticket's version, so the same write delivered again (a re-pull, a
 * second tab) is the same entry, while a later assignment of the same ticket is a new one.
 */
export function ticketEntry(kind: NotificationKind, ticket: TicketFacts): NotificationEntry {
  return {
    id: `${kind}:${ticket.id}:${ticket.updatedAt}`,
    kind,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    ticketTitle: ticket.title,
    occurredAt: ticket.updatedAt,
    read: false,
  };
}

/** Bookkeeping that moves with any write: a change to these alone is nothing a watcher needs to hear about. */
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', 'queueKey', 'fieldRevs', 'watcherIds']);

/** True when the write changed something beyond the bookkeeping and the list of watchers (someone (un)watching). */
function changedForWatchers(previous: Ticket, current: Ticket): boolean {
  const before = previous as unknown as Record<string, unknown>;
  const after = current as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (BOOKKEEPING.has(key) || key.startsWith('_')) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) return true;
  }
  return false;
}

/**
 * Tickets the user watches that someone else changed with this replication write. A ticket new on this device is
 * not an update, and one that the same write assigns to the user or puts to their vote is told as that instead
 * (`alreadyTold`), so one write makes one entry per ticket.
 */
export function watchedUpdatesForMe(
  arrivals: readonly { previous: Ticket | null; current: Ticket }[],
  ctx: AssignmentContext,
  alreadyTold: ReadonlySet<string>,
): Ticket[] {
  if (ctx.firstSync || !ctx.userId) return [];
  const found = new Map<string, Ticket>();
  for (const { previous, current } of arrivals) {
    if (!previous || !(current.watcherIds ?? []).includes(ctx.userId)) continue;
    if (current.updatedBy === ctx.userId || alreadyTold.has(current.id)) continue;
    if (asksForApproval(current, previous) || !changedForWatchers(previous, current)) continue;
    found.set(current.id, current);
  }
  return [...found.values()];
}

/** Ids of the tickets this write newly assigns to the user (as newlyAssignedToMe found them). */
export function idsOf(tickets: readonly Pick<TicketArrival['current'], 'id'>[]): Set<string> {
  return new Set(tickets.map((t) => t.id));
}

export interface MentionContext extends AssignmentContext {
  /** The user's display name and e-mail address: `@Tina Tech` and `@tech` (the address before the @) both name them. */
  name: string;
  email: string;
}

function escapeRegExp(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** True when `body` names the user with an @ (case and accents ignored; `@tina techs` is someone else). */
export function mentions(body: string, who: Pick<MentionContext, 'name' | 'email'>): boolean {
  const text = foldText(body);
  const handles = [who.name.trim(), who.email.split('@')[0] ?? ''].map((h) => foldText(h)).filter((h) => h.length > 0);
  return handles.some((handle) => {
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_.])@${escapeRegExp(handle).source}(?![\\p{L}\\p{N}_])`, 'u');
    return pattern.test(text);
  });
}

/** Events that concern the user: an SLA warning sent to them, a comment or worklog naming them, or a comment on a ticket they watch. */
export interface EventNotice {
  kind: 'sla' | 'mentioned' | 'watched';
  event: TicketEvent;
}

/**
 * What the events of one replication write tell the user: an SLA warning the desk sent them by e-mail, an @mention of
 * them in a comment or worklog, otherwise a comment on a ticket they watch (`watching` says which, from the tickets on this device). Never their own events,
 * watcher changes (which are communications) or anything during the first sync.
 */
export function eventNoticesForMe(
  events: readonly TicketEvent[],
  ctx: MentionContext,
  watching: (ticketId: string) => boolean,
): EventNotice[] {
  if (ctx.firstSync || !ctx.userId) return [];
  const found = new Map<string, EventNotice>();
  for (const event of events) {
    if (event.authorId === ctx.userId || watcherChange(event)) continue;
    if (slaWarningReaches(event, ctx.email)) found.set(event.id, { kind: 'sla', event });
    else if ((event.kind === 'comment' || event.kind === 'worklog') && mentions(event.body, ctx))
      found.set(event.id, { kind: 'mentioned', event });
    else if (event.kind === 'comment' && watching(event.ticketId)) found.set(event.id, { kind: 'watched', event });
  }
  return [...found.values()];
}

/** The entry for an event notice, named by the event (append-only, so its id is stable), about `ticket`. */
export function eventEntry(notice: EventNotice, ticket: Pick<Ticket, 'id' | 'number' | 'title'>): NotificationEntry {
  return {
    id: `${notice.kind}:${notice.event.id}`,
    kind: notice.kind,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    ticketTitle: ticket.title,
    occurredAt: notice.event.occurredAt,
    read: false,
  };
}

/** Newest first; equal times by id, so the order never depends on arrival. */
function newestFirst(a: NotificationEntry, b: NotificationEntry): number {
  return b.occurredAt - a.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Adds the entries not already kept (same id: the same write delivered again keeps its read flag), newest first,
 * at most `cap`.
 */
export function addEntries(
  existing: readonly NotificationEntry[],
  incoming: readonly NotificationEntry[],
  cap = NOTIFICATION_CAP,
): NotificationEntry[] {
  const byId = new Map(existing.map((e) => [e.id, e]));
  for (const entry of incoming) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return [...byId.values()].sort(newestFirst).slice(0, cap);
}

/** Marks read the entries for which `which` holds; the same array when nothing changes (no needless write). */
function markReadWhere(entries: readonly NotificationEntry[], which: (entry: NotificationEntry) => boolean): NotificationEntry[] {
  if (!entries.some((e) => !e.read && which(e))) return entries as NotificationEntry[];
  return entries.map((e) => (!e.read && which(e) ? { ...e, read: true } : e));
}

export const markEntryRead = (entries: readonly NotificationEntry[], id: string) => markReadWhere(entries, (e) => e.id === id);

/** Opening a ticket (from the list, a desktop notification or anywhere) reads everything about it. */
export const markTicketRead = (entries: readonly NotificationEntry[], ticketId: string) =>
  markReadWhere(entries, (e) => e.ticketId === ticketId);

export const markAllRead = (entries: readonly NotificationEntry[]) => markReadWhere(entries, () => true);

export const unreadCount = (entries: readonly NotificationEntry[]): number => entries.filter((e) => !e.read).length;
