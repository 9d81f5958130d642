import type { Ticket } from '@shared';
import type { MangoQuery } from 'rxdb';

/** The console's named queues; 'all' is every ticket with the status filter. */
export const NAMED_QUEUES = ['all', 'mine', 'groups', 'unassigned', 'escalated', 'major', 'open'] as const;
export type NamedQueue = (typeof NAMED_QUEUES)[number];

export interface QueueOwner {
  id: string;
  groupIds: readonly string[];
}

/**
 * The selector a named queue adds to the per-status queue queries (named queues other than 'all' show open tickets
 * only, one index-served query per open status). null: no extra condition.
 */
export function namedQueueSelector(queue: NamedQueue, me: QueueOwner): MangoQuery<Ticket>['selector'] | null {
  switch (queue) {
    case 'mine':
      return { assigneeId: me.id };
    case 'groups':
      return { groupId: { $in: [...me.groupIds] } }; // split into one query per group by ticketQueueQueries
    case 'unassigned':
      return { assigneeId: '' };
    case 'escalated':
      return { $or: [{ escalationTier: { $gt: 1 } }, { escalatedToSupervisor: true }] };
    case 'major':
      return { major: true };
    default:
      return null;
  }
}
