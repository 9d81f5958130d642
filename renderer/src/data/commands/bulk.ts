import type { RuleViolation } from '@shared';
import type { DeskDatabase } from '../types.js';
import type { CommandActor, TicketPatch } from './tickets.js';
import { updateTicket } from './tickets.js';

export interface BulkRefusal {
  id: string;
  number: string;
  violations: RuleViolation[];
}

/**
 * Applies one patch to many tickets, each through `updateTicket` (so the shared lifecycle rules and the history
 * apply per ticket). Returns how many were written and the refusals, ticket by ticket.
 */
export async function bulkUpdateTickets(
  db: DeskDatabase,
  ids: readonly string[],
  patch: TicketPatch,
  actor: CommandActor,
): Promise<{ updated: number; refused: BulkRefusal[] }> {
  const refused: BulkRefusal[] = [];
  let updated = 0;
  for (const id of ids) {
    const doc = await db.tickets.findOne(id).exec();
    // Assigning a new ticket moves it to Assigned through the shared rule (applyTicketPatch -> statusForAssignee).
    const violations = await updateTicket(db, id, patch, actor);
    if (violations.length > 0) refused.push({ id, number: doc?.number ?? id, violations });
    else updated += 1;
  }
  return { updated, refused };
}
