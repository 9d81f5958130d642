import type { Migration } from './migration.js';

/**
 * Tickets that left someone's scope (issue 15, item 9): reassigned away, moved to another group, reclassified as a
 * security incident, or the user lost a group. A row keeps the scope the ticket had before (who could see it then),
 * or names the one user who lost it (`user_id`), at the sequence number of the change, so a pull after that number
 * tells exactly the devices that held the ticket to remove it and its events.
 */
export const scopeExits: Migration = {
  version: 11,
  name: 'scope-exits',
  sql: `
    CREATE TABLE scope_exits (
      seq bigint NOT NULL,
      ticket_id text NOT NULL,
      user_id text,
      group_id text,
      assignee_id text,
      security boolean
    );
    CREATE INDEX scope_exits_ticket ON scope_exits (ticket_id, seq);
  `,
};
