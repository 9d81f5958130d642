/** The console's named queues; 'all' is every ticket, the others open tickets only (see `inNamedQueue`). */
export const NAMED_QUEUES = ['all', 'mine', 'groups', 'unassigned', 'escalated', 'major', 'open'] as const;
export type NamedQueue = (typeof NAMED_QUEUES)[number];

export interface QueueOwner {
  id: string;
  groupIds: readonly string[];
}
