import type { Ticket, TicketEvent } from '@shared';
import { buildArticle, buildEvent, buildTicket } from '@shared/testing/build-records.js';

// The records themselves come from the one builder per record type (shared/src/testing/build-records.ts); these add
// the `_deleted` flag a sync push carries.
export { uniqueId } from '@shared/testing/build-records.js';

/** A ticket that passes every rule, as a push row; see buildTicket. */
export function makeTicket(overrides: Partial<Ticket> = {}): Ticket & { _deleted: boolean } {
  return { ...buildTicket(overrides), _deleted: false };
}

/** A comment event on a ticket by an author, as a push row; see buildEvent. */
export function makeEvent(
  ticketId: string,
  authorId: string,
  overrides: Partial<TicketEvent> = {},
): TicketEvent & { _deleted: boolean } {
  return { ...buildEvent(ticketId, authorId, overrides), _deleted: false };
}

/** A knowledge article, as a push row; see buildArticle. */
export function makeArticle(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> & { id: string; _deleted: boolean } {
  return { ...buildArticle(overrides), _deleted: false };
}
