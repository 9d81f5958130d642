import type { Migration } from './migration.js';

/**
 * The last confirmed ticket number per prefix (INC, REQ, ...). One row per prefix, updated in the push
 * transaction that accepts a new ticket: the row lock makes numbers unique across every server instance.
 */
export const ticketNumbers: Migration = {
  version: 5,
  name: 'ticket-numbers',
  sql: `
    CREATE TABLE ticket_number_counters (
      prefix text PRIMARY KEY,
      last_value bigint NOT NULL
    );
  `,
};
