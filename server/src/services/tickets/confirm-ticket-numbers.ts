import { type TicketType } from '@shared';
import { isProvisionalNumber } from '@shared/domain/ticket-numbering.js';
import { reserveTicketNumbers } from '../../db/queries/ticket-numbers.js';
import { validateDocument, type SyncDocument } from '../sync/document-validation.js';
import type { PushEffect } from '../sync/push-effects.js';
import { writeServerDocuments } from '../sync/server-writes.js';
import { TICKET_NUMBER_PREFIXES, formatTicketNumber } from './ticket-number-format.js';

/**
 * Push effect: a ticket accepted with a provisional number (`NEW-…`, given by a device, possibly offline) gets its
 * confirmed number (INC0001234, REQ…) in the same transaction, written back as a server document so every device
 * pulls it, and answered to the pushing device with the push (see PushEffect). `number` is a server-owned field of
 * the ticket merge policy: the device takes it without a conflict for the user, and edits it made on the
 * provisional state merge cleanly. Run it before effects that quote the number.
 */
export const confirmTicketNumbers: PushEffect = async ({ tx, collection, writes }) => {
  if (collection !== 'tickets') return [];
  const provisional = writes.filter((doc) => !doc._deleted && typeof doc.number === 'string' && isProvisionalNumber(doc.number));
  if (provisional.length === 0) return [];
  const byType = new Map<TicketType, SyncDocument[]>();
  for (const doc of provisional) {
    const type = doc.type as TicketType;
    byType.set(type, [...(byType.get(type) ?? []), doc]);
  }
  const confirmed: SyncDocument[] = [];
  // A fixed order of prefixes, so two transactions never wait on each other's counter rows in opposite orders.
  for (const [type, docs] of [...byType].sort(([a], [b]) => TICKET_NUMBER_PREFIXES[a].localeCompare(TICKET_NUMBER_PREFIXES[b]))) {
    const last = await reserveTicketNumbers(tx, TICKET_NUMBER_PREFIXES[type], docs.length);
    let value = last - docs.length;
    for (const doc of docs) confirmed.push({ ...doc, number: formatTicketNumber(type, ++value) });
  }
  const invalid = confirmed.flatMap((doc, index) => validateDocument('tickets', doc, index));
  // Cannot happen for a valid ticket (the number stays under 24 characters); fail loudly rather than store it.
  if (invalid.length > 0) throw new Error(`Confirmed ticket number is invalid: ${invalid[0].message}`);
  await writeServerDocuments(tx, 'tickets', confirmed);
  return confirmed;
};
