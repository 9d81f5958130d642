import type { Priority, TicketStatus } from '@shared';

export const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  assigned: 'cyan',
  in_progress: 'indigo',
  pending: 'yellow',
  resolved: 'green',
  closed: 'gray',
};

export const PRIORITY_COLORS: Record<Priority, string> = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'blue', 5: 'gray' };
