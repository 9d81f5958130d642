import type { PullFilter } from '../../db/queries/pull.js';

/** The columns of a ticket row that decide who receives it (or a ticket's scope before it moved: `scope_exits`). */
export interface TicketScope {
  security: boolean | null;
  groupId: string | null;
  assigneeId: string | null;
}

type TicketFilter = Extract<PullFilter, { kind: 'tickets' }>;

/**
 * Whether a ticket with `scope` passes the tickets pull filter, decided in memory so the live stream can judge one
 * changed ticket for thousands of subscribers without a query each. It must answer exactly as the SQL of
 * `visibilityConditions` (db/queries/pull.ts) does, SQL NULL counting as false: pull-filter-match.test.ts runs both
 * on the same grid of filters and scopes.
 */
export function ticketScopeMatches(filter: TicketFilter, scope: TicketScope): boolean {
  if (!filter.seeSecurity && scope.security === true) return false;
  if (filter.restrictTo) {
    const assigned = scope.assigneeId !== null && scope.assigneeId === filter.restrictTo.userId;
    const inGroup = scope.groupId !== null && filter.restrictTo.groupIds.includes(scope.groupId);
    if (!assigned && !inGroup) return false;
  }
  if (filter.assignedTo !== undefined && (scope.assigneeId === null || scope.assigneeId !== filter.assignedTo)) {
    return false;
  }
  return true;
}
