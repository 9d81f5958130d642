import type { TicketType } from '@shared';
import type { Queryable } from '../../db/database.js';
import { reserveTicketNumbers } from '../../db/queries/ticket-numbers.js';
import { validateDocument, type SyncDocument } from '../sync/document-validation.js';
import { TICKET_NUMBER_PREFIXES, formatTicketNumber } from './ticket-number-format.js';

/**
 * New tickets with their confirmed numbers (INC0001234, REQ…), in the order given. Whatever number a device sent
 * (its provisional `NEW-…`, or one it made up) is replaced: only the counters of `ticket_number_counters` hand out
 * numbers, and the unique index of migration 008 keeps any two tickets from sharing one. Call it in the transaction
 * that writes the tickets, before writing them (the counter rows stay locked until it ends).
 */
export async function assignTicketNumbers(tx: Queryable, docs: readonly SyncDocument[]): Promise<SyncDocument[]> {
  if (docs.length === 0) return [];
  const byType = new Map<TicketType, number[]>();
  docs.forEach((doc, index) => {
    const type = doc.type as TicketType;
    byType.set(type, [...(byType.get(type) ?? []), index]);
  });
  const numbered = [...docs];
  // A fixed order of prefixes, so two transactions never wait on each other's counter rows in opposite orders.
  for (const [type, indexes] of [...byType].sort(([a], [b]) =>
    TICKET_NUMBER_PREFIXES[a].localeCompare(TICKET_NUMBER_PREFIXES[b]),
  )) {
    const last = await reserveTicketNumbers(tx, TICKET_NUMBER_PREFIXES[type], indexes.length);
    let value = last - indexes.length;
    for (const index of indexes) numbered[index] = { ...docs[index], number: formatTicketNumber(type, ++value) };
  }
  const invalid = numbered.flatMap((doc, index) => validateDocument('tickets', doc, index));
  // Cannot happen for a valid ticket (the number stays under 24 characters); fail loudly rather than store it.
  if (invalid.length > 0) throw new Error(`Confirmed ticket number is invalid: ${invalid[0].message}`);
  return numbered;
}
