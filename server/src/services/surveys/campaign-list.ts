import { campaignStatus, responseRate, type CampaignSummary } from '@shared';
import type { Queryable } from '../../db/database.js';
import { listCampaignTallies, type CampaignTallyRow } from '../../db/queries/survey-campaigns.js';

/** Lines the list shows at most: years of weekly campaigns, and a bound on a request's cost. */
export const CAMPAIGN_LIST_MAX = 500;

function toSummary(row: CampaignTallyRow): CampaignSummary {
  const tally = { sent: Number(row.sent), answered: Number(row.answered), waiting: Number(row.waiting) };
  return {
    id: row.id,
    kind: row.kind,
    surveyId: row.survey_id,
    surveyVersion: row.survey_version === null ? null : Number(row.survey_version),
    // A survey deleted since keeps a line, named by its id.
    surveyTitle: row.title ?? { en: row.survey_id, fr: row.survey_id },
    sentAt: new Date(row.sent_at).getTime(),
    sentBy: row.sent_by === null ? null : { id: row.sent_by, name: row.sent_by_name ?? '' },
    audience: row.audience,
    sent: tally.sent,
    skipped: Number(row.skipped),
    invalid: Number(row.invalid),
    answered: tally.answered,
    responseRate: responseRate(tally),
    status: campaignStatus(tally),
  };
}

/** The campaign list: manual campaigns and the on-resolution line of each survey, newest first. */
export async function listCampaigns(db: Queryable): Promise<CampaignSummary[]> {
  return (await listCampaignTallies(db, CAMPAIGN_LIST_MAX)).map(toSummary);
}
