import type { Migration } from './migration.js';

/**
 * Every accepted change to a person, group or category (issue 21): who made it, when the server accepted it, and the
 * entry before and after. Written by a push effect in the push's transaction, so a change and its record commit
 * together; read by supervisors and administrators (`directory.audit`). Append-only: nothing updates or deletes rows.
 */
export const directoryAudit: Migration = {
  version: 12,
  name: 'directory-audit',
  sql: `
    CREATE TABLE directory_audit (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id text NOT NULL,
      entry_id text NOT NULL,
      kind text NOT NULL,
      before jsonb,
      after jsonb
    );
    CREATE INDEX directory_audit_entry ON directory_audit (entry_id, id);
  `,
};
