import type { TicketType } from '@shared';

/** The prefix of confirmed numbers per ticket type, as ServiceNow numbers its tables. */
export const TICKET_NUMBER_PREFIXES: Readonly<Record<TicketType, string>> = {
  incident: 'INC',
  request: 'REQ',
  problem: 'PRB',
  change: 'CHG',
  release: 'RLS',
  task: 'TSK',
};

/** A confirmed number: prefix and at least 7 digits (INC0001234), the format of the seeded tickets. */
export function formatTicketNumber(type: TicketType, value: number): string {
  return `${TICKET_NUMBER_PREFIXES[type]}${String(value).padStart(7, '0')}`;
}
