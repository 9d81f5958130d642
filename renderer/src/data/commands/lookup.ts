import type { DeskDatabase } from '../types.js';

/** The local id of the ticket with this number (e.g. from a servicedesk://ticket/INC0001003 link), or null. */
export async function findTicketIdByNumber(db: DeskDatabase, number: string): Promise<string | null> {
  const doc = await db.tickets.findOne({ selector: { number } }).exec();
  return doc ? doc.id : null;
}

/** Schema version of each collection, for diagnostics bundles. */
export function schemaVersions(db: DeskDatabase): Record<string, number> {
  return Object.fromEntries(Object.entries(db.collections).map(([name, c]) => [name, c.schema.version]));
}
