import type { Migration } from './migration.js';

/**
 * Customer-satisfaction surveys: every published (survey, version) as first seen, so a response is always
 * validated and shown against the questions it answered even after the template moved on; survey invitations
 * (one unguessable link each, stored as its SHA-256 only); and the ticket scope column of existing survey
 * responses, which agents now pull for the tickets assigned to them.
 */
export const surveys: Migration = {
  version: 4,
  name: 'surveys',
  sql: `
    CREATE TABLE survey_versions (
      survey_id text NOT NULL,
      version integer NOT NULL,
      data jsonb NOT NULL,
      first_seen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (survey_id, version)
    );
    INSERT INTO survey_versions (survey_id, version, data)
      SELECT id, (data->>'version')::int, data FROM sync_documents WHERE collection = 'surveys' AND NOT deleted
      ON CONFLICT DO NOTHING;

    CREATE TABLE survey_invitations (
      token_hash text PRIMARY KEY,
      survey_id text NOT NULL,
      survey_version integer NOT NULL,
      ticket_id text,
      contact_email text NOT NULL,
      contact_name text NOT NULL DEFAULT '',
      respondent_id text NOT NULL DEFAULT '',
      language text NOT NULL CHECK (language IN ('en', 'fr')),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      response_id text
    );
    CREATE INDEX survey_invitations_contact ON survey_invitations (lower(contact_email), created_at);
    CREATE INDEX survey_invitations_ticket ON survey_invitations (ticket_id) WHERE ticket_id IS NOT NULL;

    UPDATE sync_documents SET ticket_id = data->>'ticketId' WHERE collection = 'survey_responses';
    CREATE INDEX sync_documents_response_ticket ON sync_documents (ticket_id) WHERE collection = 'survey_responses';
  `,
};
