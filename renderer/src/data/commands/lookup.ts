import type { RuleViolation, Ticket } from '@shared';
import { looksLikeProvisionalNumber } from '@shared/domain/ticket-numbering.js';
import { queueIndexFor } from '../queue-index/load-queue-index.js';
import { EMPTY_FILTER } from '../queue-index/queue-filter.js';
import { DEFAULT_SORT } from '../queue-index/queue-sort.js';
import type { DeskDatabase } from '../types.js';

/**
 * The local id of the ticket with this number (e.g. from a servicedesk://ticket/INC0001003 link), or null. A
 * provisional number (NEW-…) still finds its ticket after the server confirmed another one.
 */
export async function findTicketIdByNumber(db: DeskDatabase, number: string): Promise<string | null> {
  const doc = await db.tickets.findOne({ selector: { number } }).exec();
  if (doc) return doc.id;
  if (!looksLikeProvisionalNumber(number)) return null;
  const index = queueIndexFor(db.tickets);
  await index.whenLoaded();
  const filter = { ...EMPTY_FILTER, text: number };
  const found = index.query({ queue: 'all', me: { id: '', groupIds: [] }, filter, sort: DEFAULT_SORT, limit: 1 });
  return found.length > 0 ? found.at(0).id : null;
}

/** The ticket a person typed the number of (any case, spaces around), or the refusal naming what they typed. */
export async function loadTicketByNumber(db: DeskDatabase, typed: string): Promise<Ticket | RuleViolation[]> {
  const id = await findTicketIdByNumber(db, typed.trim().toUpperCase());
  const ticket = id ? await loadTicket(db, id) : null;
  return ticket ?? [{ code: 'not_found', field: 'number', message: `No ticket ${typed.trim()} on this device.` }];
}

/** Schema version of each collection, for diagnostics bundles. */
export function schemaVersions(db: DeskDatabase): Record<string, number> {
  return Object.fromEntries(Object.entries(db.collections).map(([name, c]) => [name, c.schema.version]));
}

/** A ticket of this device by id, as plain data, or null. */
export async function loadTicket(db: DeskDatabase, id: string): Promise<Ticket | null> {
  const doc = await db.tickets.findOne(id).exec();
  return doc ? (doc.toJSON() as Ticket) : null;
}

/** The refusal of a command on a ticket this device does not hold. */
export function ticketMissing(id: string): RuleViolation[] {
  return [{ code: 'not_found', field: 'id', message: `Ticket ${id} does not exist on this device.` }];
}
