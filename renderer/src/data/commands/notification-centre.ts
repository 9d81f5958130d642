import type { Ticket, TicketEvent } from '@shared';
import { isReplicationWrite } from '../replication/incoming.js';
import type { DeskDatabase } from '../types.js';

/** What a notification-centre entry is about. */
export type NotificationKind = 'assigned' | 'approval' | 'watched' | 'mentioned' | 'sla';

/**
 * One thing that concerned the user, kept on this device only. The ticket's number and title are those at the
 * time, so the list reads the same offline and after the ticket left the device.
 */
export interface NotificationEntry {
  /** Derived from what raised it (kind, ticket or event, version), so a re-delivered write adds nothing. */
  id: string;
  kind: NotificationKind;
  ticketId: string;
  ticketNumber: string;
  ticketTitle: string;
  occurredAt: number;
  read: boolean;
}

interface NotificationCentreDoc {
  entries: NotificationEntry[];
}

/** One local document per user: two people signing in on one device never see each other's list. */
export function notificationCentreDocId(userId: string): string {
  return `notification-centre-${userId}`;
}

// The notifier writes from two places (tickets and events, and the approvals after the boards load): the first
// write creates the document, so concurrent ones are queued or an upsert could overwrite the other's entries.
const queues = new WeakMap<DeskDatabase, Promise<unknown>>();

/** Replaces the user's entries with `update(entries)`, one update at a time per database. */
export function updateNotificationEntries(
  db: DeskDatabase,
  userId: string,
  update: (entries: readonly NotificationEntry[]) => NotificationEntry[],
): Promise<void> {
  const id = notificationCentreDocId(userId);
  const run = async () => {
    const doc = await db.getLocal<NotificationCentreDoc>(id);
    if (!doc) {
      const entries = update([]);
      if (entries.length > 0) await db.upsertLocal<NotificationCentreDoc>(id, { entries });
      return;
    }
    // update() returns its argument when nothing changes (marking read what is read): no write, no re-render.
    const before = doc.toJSON().data.entries as unknown as NotificationEntry[];
    if (update(before) === before) return;
    await doc.incrementalModify((data) => ({ entries: update(data.entries ?? []) }));
  };
  const next = (queues.get(db) ?? Promise.resolve()).then(run, run);
  queues.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

/** A ticket event as the replication just wrote it locally. */
export type IncomingTicketEvent = TicketEvent;

/**
 * Calls `listener` with the events each replication write brought in (never the user's own local writes), as
 * watchIncomingTickets does for tickets. Returns the unsubscribe function.
 */
export function watchIncomingEvents(db: DeskDatabase, listener: (events: IncomingTicketEvent[]) => void): () => void {
  const sub = db.ticket_events.eventBulks$.subscribe((bulk) => {
    if (!isReplicationWrite(bulk.context)) return;
    const events: TicketEvent[] = [];
    for (const ev of bulk.events as { operation: string; documentData: TicketEvent & { _deleted?: boolean } }[])
      if (ev.operation === 'INSERT' && !ev.documentData._deleted) events.push(ev.documentData);
    if (events.length > 0) listener(events);
  });
  return () => sub.unsubscribe();
}

/** The tickets of these ids that this device holds, by id (for naming what an event is about). */
export async function ticketsById(db: DeskDatabase, ids: readonly string[]): Promise<Map<string, Ticket>> {
  const docs = await db.tickets.findByIds([...new Set(ids)]).exec();
  const out = new Map<string, Ticket>();
  for (const [id, doc] of docs) out.set(id, doc.toJSON() as Ticket);
  return out;
}
