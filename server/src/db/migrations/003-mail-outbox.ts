import type { Migration } from './migration.js';

/**
 * E-mail to send, written in the same transaction as the change that caused it (transactional outbox), so a
 * message is never sent for a rolled-back write nor lost when the server dies before sending. Any instance
 * may send: a row is claimed for a while (`claimed_until`), then marked sent or retried later.
 */
export const mailOutbox: Migration = {
  version: 3,
  name: 'mail-outbox',
  sql: `
    CREATE TABLE mail_outbox (
      id bigserial PRIMARY KEY,
      kind text NOT NULL,
      to_address text NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      html_body text,
      ticket_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      send_after timestamptz NOT NULL DEFAULT now(),
      claimed_until timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      sent_at timestamptz
    );
    CREATE INDEX mail_outbox_due ON mail_outbox (send_after) WHERE sent_at IS NULL;
  `,
};
