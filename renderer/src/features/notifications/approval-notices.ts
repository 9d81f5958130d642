import type { ChangeBoards, Ticket } from '@shared';
import { approvalBoardGroupId, asksForApproval } from '@shared';
import type { AssignmentContext } from './assignment-notices.js';

/** A ticket the replication wrote, with the local state it replaced. */
export interface ChangeArrival {
  previous: Ticket | null;
  current: Ticket;
}

/**
 * Changes whose board now asks the user to decide (asksForApproval): the user sits on the change's board and did
 * not request it, and did not make the write themselves. Nothing during the first sync, as for assignments.
 */
export function approvalRequestsForMe(
  arrivals: readonly ChangeArrival[],
  ctx: AssignmentContext & { boards: ChangeBoards },
): Ticket[] {
  if (ctx.firstSync || !ctx.userId) return [];
  const found = new Map<string, Ticket>();
  for (const { previous, current } of arrivals) {
    if (!asksForApproval(current, previous) || current.updatedBy === ctx.userId || current.callerId === ctx.userId) continue;
    if (!ctx.boards.membersOf(approvalBoardGroupId(current, ctx.boards.settings)).has(ctx.userId)) continue;
    found.set(current.id, current);
  }
  return [...found.values()];
}
