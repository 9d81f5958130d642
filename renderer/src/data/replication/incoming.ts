import type { Ticket } from '@shared';
import type { DeskDatabase } from '../types.js';
import { replicatedState } from '../doc-utils.js';
import { CONFLICT_CONTEXT, DOWNSTREAM_CONTEXT } from './pending-tracker.js';

/** A ticket as the replication just wrote it locally, with the local state it replaced (null for a new one). */
export interface IncomingTicketChange {
  previous: Ticket | null;
  current: Ticket;
}

/** True for writes made by the replication (a pull, or a push conflict merged with the server's state). */
export function isReplicationWrite(context: string): boolean {
  return context.startsWith(DOWNSTREAM_CONTEXT) || context === CONFLICT_CONTEXT;
}

function asTicket(doc: object | undefined): Ticket | null {
  if (!doc) return null;
  const state = replicatedState(doc);
  return state._deleted ? null : (state as unknown as Ticket);
}

/**
 * Calls `listener` with the tickets each replication write brought in (deletions left out), never with the user's
 * own local writes. Returns the unsubscribe function.
 */
export function watchIncomingTickets(db: DeskDatabase, listener: (changes: IncomingTicketChange[]) => void): () => void {
  const sub = db.tickets.eventBulks$.subscribe((bulk) => {
    if (!isReplicationWrite(bulk.context)) return;
    const changes: IncomingTicketChange[] = [];
    for (const ev of bulk.events as { documentData: object; previousDocumentData?: object }[]) {
      const current = asTicket(ev.documentData);
      if (current) changes.push({ previous: asTicket(ev.previousDocumentData), current });
    }
    if (changes.length > 0) listener(changes);
  });
  return () => sub.unsubscribe();
}
