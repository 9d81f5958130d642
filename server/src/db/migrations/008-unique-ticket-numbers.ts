import type { Migration } from './migration.js';

/**
 * No two tickets share a number (issue 15, item 3): a unique index on the number of every ticket document, deleted
 * ones included (a number is never given twice). Before the server numbered every create, a device could push a
 * number already taken; each such later holder of a number gets a distinct one before the index is built (the
 * number cut to 17 characters, "-" and 6 hex digits of its id: at most 24, the schema's limit) and a new sequence
 * number, so every device pulls the change. The ticket that held the number first keeps it.
 */
export const uniqueTicketNumbers: Migration = {
  version: 8,
  name: 'unique-ticket-numbers',
  sql: `
    CREATE TEMPORARY TABLE ticket_number_duplicates ON COMMIT DROP AS
      SELECT id, row_number() OVER (ORDER BY seq, id) AS n
      FROM (
        SELECT id, seq, row_number() OVER (PARTITION BY data->>'number' ORDER BY seq, id) AS holder
        FROM sync_documents WHERE collection = 'tickets'
      ) ranked
      WHERE holder > 1;
    UPDATE sync_documents d SET
      data = jsonb_set(d.data, '{number}', to_jsonb(left(d.data->>'number', 17) || '-' || substr(md5(d.id), 1, 6))),
      seq = (SELECT value FROM sync_counter WHERE id = 1) + dup.n
    FROM ticket_number_duplicates dup
    WHERE d.collection = 'tickets' AND d.id = dup.id;
    UPDATE sync_counter SET value = value + (SELECT count(*) FROM ticket_number_duplicates) WHERE id = 1;
    CREATE UNIQUE INDEX sync_documents_ticket_number ON sync_documents ((data->>'number')) WHERE collection = 'tickets';
  `,
};
