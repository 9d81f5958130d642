import type { Migration } from './migration.js';

/**
 * Who caused each outgoing message (`requested_by`, the pushing user; NULL for the server's own mail), so mail can
 * be limited per user per hour, and why a message is held instead of sent (`held_reason`: over that limit, or a
 * recipient or subject the outbox refuses). A held message is never claimed by a sender; it stays for operators.
 */
export const mailHolds: Migration = {
  version: 9,
  name: 'mail-holds',
  sql: `
    ALTER TABLE mail_outbox ADD COLUMN requested_by text;
    ALTER TABLE mail_outbox ADD COLUMN held_reason text;
    CREATE INDEX mail_outbox_requested_by ON mail_outbox (requested_by, created_at) WHERE requested_by IS NOT NULL;
  `,
};
