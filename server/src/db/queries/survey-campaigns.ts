import type { BilingualText, CampaignAudience } from '@shared';
import type { Queryable } from '../database.js';

export interface NewCampaign {
  id: string;
  surveyId: string;
  surveyVersion: number;
  sentBy: string;
  audience: CampaignAudience;
}

/** Records a campaign about to send; its counts are set by `setCampaignCounts` once everyone was decided. */
export async function insertCampaign(tx: Queryable, campaign: NewCampaign): Promise<void> {
  await tx.query(
    `INSERT INTO survey_campaigns (id, survey_id, survey_version, sent_by, audience) VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [campaign.id, campaign.surveyId, campaign.surveyVersion, campaign.sentBy, JSON.stringify(campaign.audience)],
  );
}

export async function setCampaignCounts(
  tx: Queryable,
  id: string,
  counts: { sent: number; skipped: number; invalid: number },
): Promise<void> {
  await tx.query('UPDATE survey_campaigns SET sent = $2, skipped = $3, invalid = $4 WHERE id = $1', [
    id,
    counts.sent,
    counts.skipped,
    counts.invalid,
  ]);
}

/** One line of the campaign list as stored: a manual campaign, or the invitations a survey sent on resolution. */
export interface CampaignTallyRow {
  id: string;
  kind: 'manual' | 'resolution';
  survey_id: string;
  survey_version: number | null;
  title: BilingualText | null;
  sent_at: Date | string;
  sent_by: string | null;
  sent_by_name: string | null;
  audience: CampaignAudience | null;
  sent: number;
  skipped: number;
  invalid: number;
  answered: number;
  waiting: number;
}

/**
 * Every manual campaign with its invitations tallied (answered; waiting = neither answered nor expired), then one
 * line per survey for the invitations sent on resolution; newest first, in one grouped query.
 */
export async function listCampaignTallies(db: Queryable, limit: number): Promise<CampaignTallyRow[]> {
  return db.query<CampaignTallyRow>(
    `WITH tallies AS (
       SELECT campaign_id, survey_id,
         count(*)::int AS sent,
         count(used_at)::int AS answered,
         (count(*) FILTER (WHERE used_at IS NULL AND expires_at > now()))::int AS waiting,
         max(created_at) AS last_sent,
         max(survey_version) AS last_version
       FROM survey_invitations
       GROUP BY campaign_id, survey_id
     )
     SELECT c.id, 'manual' AS kind, c.survey_id, c.survey_version, v.data->'title' AS title, c.sent_at, c.sent_by,
       u.data->>'name' AS sent_by_name, c.audience, c.sent, c.skipped, c.invalid,
       COALESCE(t.answered, 0) AS answered, COALESCE(t.waiting, 0) AS waiting
     FROM survey_campaigns c
     LEFT JOIN tallies t ON t.campaign_id = c.id
     LEFT JOIN survey_versions v ON v.survey_id = c.survey_id AND v.version = c.survey_version
     LEFT JOIN sync_documents u ON u.collection = 'directory' AND u.id = c.sent_by AND NOT u.deleted
     UNION ALL
     SELECT 'resolution:' || t.survey_id, 'resolution', t.survey_id, NULL, COALESCE(v.data->'title', s.data->'title'),
       t.last_sent, NULL, NULL, NULL, t.sent, 0, 0, t.answered, t.waiting
     FROM tallies t
     LEFT JOIN survey_versions v ON v.survey_id = t.survey_id AND v.version = t.last_version
     LEFT JOIN sync_documents s ON s.collection = 'surveys' AND s.id = t.survey_id
     WHERE t.campaign_id IS NULL
     ORDER BY sent_at DESC, id
     LIMIT $1`,
    [limit],
  );
}
