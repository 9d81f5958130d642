import type { Ticket } from '@shared';
import type { Queryable } from '../../db/database.js';
import { bumpTicketDocuments } from '../../db/queries/documents.js';
import { recordScopeExits } from '../../db/queries/scope-exits.js';
import { notifyChange } from '../../db/queries/sequence.js';
import type { SyncDocument } from './document-validation.js';

/**
 * Gives the events and survey responses of these tickets new sequence numbers, so pulls after them see them again
 * (users who gain the tickets receive them; users who lost them are told to remove them). Returns the highest
 * sequence number used, 0 when there was nothing.
 */
export async function resequenceTicketDocuments(tx: Queryable, ticketIds: readonly string[]): Promise<number> {
  let highest = 0;
  for (const dependent of ['ticket_events', 'survey_responses'] as const) {
    const bumped = await bumpTicketDocuments(tx, dependent, ticketIds);
    if (bumped > 0) await notifyChange(tx, dependent, bumped);
    highest = Math.max(highest, bumped);
  }
  return highest;
}

/**
 * Records the tickets a push moved out of someone's scope, each with the scope it had before, at `seq`, the highest
 * sequence number the push used (its tickets and their resequenced documents all lie at or below it): devices that
 * could see the old scope and cannot see the new one remove the ticket and its documents (see pullDocuments).
 */
export async function recordTicketScopeExits(
  tx: Queryable,
  ticketIds: readonly string[],
  masters: ReadonlyMap<string, SyncDocument>,
  seq: number,
): Promise<void> {
  const exits = ticketIds.flatMap((ticketId) => {
    const before = masters.get(ticketId) as unknown as Ticket | undefined;
    if (!before) return [];
    const scope = { groupId: before.groupId, assigneeId: before.assigneeId, security: before.security };
    return [{ seq, collection: 'tickets' as const, docId: ticketId, ...scope }];
  });
  await recordScopeExits(tx, exits);
}
