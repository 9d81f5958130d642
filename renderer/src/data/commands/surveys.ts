import {
  CAMPAIGN_PATH,
  CAMPAIGN_PREVIEW_PATH,
  can,
  surveyTemplateViolations,
  type CampaignPreview,
  type CampaignRequest,
  type CampaignResult,
  type Survey,
  type SurveyTemplateViolation,
} from '@shared';
import type { DataNetwork } from '../presence/presence-client.js';
import { requestJson } from '../replication/http.js';
import type { DeskDatabase } from '../types.js';
import type { CommandActor } from './tickets.js';

/** True when this user designs and publishes surveys (supervisors and administrators; the server asks the same). */
export function canManageSurveys(actor: CommandActor): boolean {
  return actor.role !== undefined && can({ id: actor.id, role: actor.role, groupIds: actor.groupIds ?? [] }, 'surveys.manage');
}

/**
 * Writes a survey template on this device (it replicates; the server snapshots each version), after the shared
 * template rules the server runs on the push: a published survey complete in English and French, new questions under
 * a new version. Anything refused writes nothing and returns the violations.
 */
export async function saveSurvey(
  db: DeskDatabase,
  survey: Survey,
  actor: CommandActor,
): Promise<(SurveyTemplateViolation | { code: 'not_permitted'; field: string; message: string })[]> {
  if (!canManageSurveys(actor))
    return [{ code: 'not_permitted', field: 'id', message: 'Only supervisors and administrators design surveys.' }];
  const stored = await db.surveys.findOne(survey.id).exec();
  const previous = stored ? (stored.toJSON() as Survey) : undefined;
  const violations = surveyTemplateViolations(survey, previous);
  if (violations.length > 0) return violations;
  await db.surveys.upsert({ ...survey, updatedAt: Math.max(Date.now(), (previous?.updatedAt ?? 0) + 1) });
  return [];
}

/** The server's answer to a campaign request, or its refusal as a sentence (campaigns are sent by the server: online only). */
export type CampaignAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

async function postCampaign<T>(network: DataNetwork, path: string, request: CampaignRequest): Promise<CampaignAnswer<T>> {
  try {
    return { ok: true, value: await requestJson<T>(network, path, { method: 'POST', body: JSON.stringify(request) }) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Who a campaign would reach and who it would leave out, and why; nothing is sent. */
export const previewCampaign = (network: DataNetwork, request: CampaignRequest) =>
  postCampaign<CampaignPreview>(network, CAMPAIGN_PREVIEW_PATH, request);

/** Sends a campaign: the server invites and mails, under the same throttle as the preview. */
export const sendCampaign = (network: DataNetwork, request: CampaignRequest) =>
  postCampaign<CampaignResult>(network, CAMPAIGN_PATH, request);
