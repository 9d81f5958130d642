import type { Migration } from './migration.js';

/**
 * SLA actions that fall due (warnings, breaches, escalations), stored and indexed so the scheduler finds what is
 * due without recomputing every clock. `due_at` already respects business hours when the policy says so. A row
 * is fired in the transaction that queues its notification (`fired_at` set, mail enqueued), claimed with
 * SKIP LOCKED, so several instances on one PostgreSQL fire each action exactly once.
 */
export const slaDue: Migration = {
  version: 10,
  name: 'sla-due',
  sql: `
    CREATE TABLE sla_due (
      id bigserial PRIMARY KEY,
      ticket_id text NOT NULL,
      clock text NOT NULL,
      percent integer NOT NULL,
      due_at timestamptz NOT NULL,
      recipient text NOT NULL,
      subject text NOT NULL,
      fired_at timestamptz,
      fired_by text,
      UNIQUE (ticket_id, clock, percent)
    );
    CREATE INDEX sla_due_pending ON sla_due (due_at) WHERE fired_at IS NULL;
  `,
};
