import type { Migration } from './migration.js';

/** Replicated documents of every collection, the global change sequence and its notification channel. */
export const syncDocuments: Migration = {
  version: 1,
  name: 'sync-documents',
  sql: `
    CREATE TABLE sync_counter (
      id integer PRIMARY KEY CHECK (id = 1),
      value bigint NOT NULL
    );
    INSERT INTO sync_counter (id, value) VALUES (1, 0);

    CREATE TABLE sync_documents (
      collection text NOT NULL,
      id text NOT NULL,
      seq bigint NOT NULL,
      data jsonb NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      server_time timestamptz NOT NULL DEFAULT now(),
      group_id text,
      assignee_id text,
      security boolean,
      ticket_id text,
      PRIMARY KEY (collection, id)
    );
    CREATE UNIQUE INDEX sync_documents_collection_seq ON sync_documents (collection, seq);
    CREATE INDEX sync_documents_event_ticket ON sync_documents (ticket_id) WHERE collection = 'ticket_events';
    CREATE INDEX sync_documents_directory_email ON sync_documents (lower(data->>'email')) WHERE collection = 'directory';
  `,
};
