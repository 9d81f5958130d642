import type { Migration } from './migration.js';

/**
 * Documents that left someone's scope (issue 15, item 9): a ticket reassigned away, moved to another group or
 * reclassified as a security incident, or the tickets and configuration items a user lost with a group. A row keeps
 * the ticket's scope before the change (who could see it then), or names the one user who lost it (`user_id`), at the
 * sequence number of the change, so a pull after that number tells exactly the devices that held it to remove it.
 * `collection` is `tickets` (its events and survey responses follow their ticket) or `config_items` (its history
 * follows the item).
 */
export const scopeExits: Migration = {
  version: 11,
  name: 'scope-exits',
  sql: `
    CREATE TABLE scope_exits (
      seq bigint NOT NULL,
      collection text NOT NULL,
      doc_id text NOT NULL,
      user_id text,
      group_id text,
      assignee_id text,
      security boolean
    );
    CREATE INDEX scope_exits_doc ON scope_exits (collection, doc_id, seq);
  `,
};
