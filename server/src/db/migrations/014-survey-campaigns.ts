import type { Migration } from './migration.js';

/**
 * Manual survey campaigns, recorded when sent (issue 21) so supervisors can see past campaigns and their response
 * rate. Each invitation a campaign sends names it; invitations sent on ticket resolution have no campaign.
 */
export const surveyCampaigns: Migration = {
  version: 14,
  name: 'survey-campaigns',
  sql: `
    CREATE TABLE survey_campaigns (
      id text PRIMARY KEY,
      survey_id text NOT NULL,
      survey_version integer NOT NULL,
      sent_by text NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now(),
      audience jsonb NOT NULL,
      sent integer NOT NULL DEFAULT 0,
      skipped integer NOT NULL DEFAULT 0,
      invalid integer NOT NULL DEFAULT 0
    );
    CREATE INDEX survey_campaigns_sent_at ON survey_campaigns (sent_at DESC);
    ALTER TABLE survey_invitations ADD COLUMN campaign_id text REFERENCES survey_campaigns (id);
    CREATE INDEX survey_invitations_campaign ON survey_invitations (campaign_id) WHERE campaign_id IS NOT NULL;
  `,
};
