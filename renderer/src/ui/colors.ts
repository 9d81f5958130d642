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

/** On/off states as text on white with 4.5:1 contrast (Mantine's green is lighter): active or in service, and not. */
export const STATE_COLORS = { on: '#1b6e2d', off: '#495057' } as const;
