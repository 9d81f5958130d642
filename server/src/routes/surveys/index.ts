import {
  CAMPAIGN_PATH,
  CAMPAIGN_PREVIEW_PATH,
  SURVEY_SETTINGS_PATH,
  can,
  type Actor,
  type CampaignPreview,
  type CampaignResult,
  type CampaignSummary,
  type Survey,
  type SurveySettings,
} from '@shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { ApiError, forbidden, notFound } from '../../http/api-error.js';
import { authenticate } from '../../http/authenticate.js';
import { parseRequest } from '../../http/validate.js';
import { findSurvey, listSurveyVersions } from '../../db/queries/survey-versions.js';
import { runCampaign } from '../../services/surveys/campaign.js';
import { listCampaigns } from '../../services/surveys/campaign-list.js';
import {
  applyPatch,
  readSurveySettings,
  surveySettingsPatch,
  writeSurveySettings,
} from '../../services/surveys/survey-settings.js';
import { campaignBody } from './schema.js';

/** Survey settings and campaigns belong to supervisors and admins (they write surveys). */
async function supervisor(request: FastifyRequest, ctx: AppContext): Promise<Actor> {
  const actor = await authenticate(request, ctx);
  if (!can(actor, 'surveys.manage')) {
    throw forbidden(`Your role (${actor.role}) may not manage surveys: ask a supervisor.`);
  }
  return actor;
}

/** Settings of surveys sent on resolution, and manual campaigns. */
export function registerSurveyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(SURVEY_SETTINGS_PATH, async (request): Promise<SurveySettings> => {
    await supervisor(request, ctx);
    return readSurveySettings(ctx.db);
  });

  app.put(SURVEY_SETTINGS_PATH, async (request): Promise<SurveySettings> => {
    await supervisor(request, ctx);
    const patch = parseRequest(surveySettingsPatch, request.body, 'survey settings');
    if (patch.activeSurveyId) {
      const survey = await findSurvey(ctx.db, patch.activeSurveyId);
      if (!survey || survey.status !== 'active') {
        const why = survey ? `is ${survey.status}` : 'does not exist';
        throw new ApiError(
          422,
          `Survey "${patch.activeSurveyId}" ${why}: the survey sent on resolution must be an active survey.`,
          [{ field: 'activeSurveyId', message: `The survey ${why}.` }],
        );
      }
    }
    return ctx.db.transaction(async (tx) => {
      const next = applyPatch(await readSurveySettings(tx), patch);
      await writeSurveySettings(tx, next);
      return next;
    });
  });

  // Every published version, to show a response with the questions it answered (anyone who may read surveys).
  app.get<{ Params: { surveyId: string } }>('/api/surveys/:surveyId/versions', async (request): Promise<Survey[]> => {
    await authenticate(request, ctx);
    const versions = await listSurveyVersions(ctx.db, request.params.surveyId);
    if (versions.length === 0) throw notFound(`Survey "${request.params.surveyId}" has no published version.`);
    return versions;
  });

  // Past campaigns with their response rate, newest first, then the surveys sent on resolution.
  app.get(CAMPAIGN_PATH, async (request): Promise<CampaignSummary[]> => {
    await supervisor(request, ctx);
    return listCampaigns(ctx.db);
  });

  app.post(CAMPAIGN_PATH, async (request): Promise<CampaignResult> => {
    const actor = await supervisor(request, ctx);
    const body = parseRequest(campaignBody, request.body, 'campaign');
    const target = 'contacts' in body ? { contacts: body.contacts } : { ticketFilter: body.ticketFilter };
    const mode = { preview: false, sentBy: actor.id } as const;
    const { sent, skipped, invalid } = await runCampaign(ctx.db, body.surveyId, target, ctx.publicUrl(), mode);
    return { sent, skipped, invalid };
  });

  // The same campaign decided person by person, with who is skipped and why; nothing is sent or recorded.
  app.post(CAMPAIGN_PREVIEW_PATH, async (request): Promise<CampaignPreview> => {
    await supervisor(request, ctx);
    const body = parseRequest(campaignBody, request.body, 'campaign');
    const target = 'contacts' in body ? { contacts: body.contacts } : { ticketFilter: body.ticketFilter };
    return runCampaign(ctx.db, body.surveyId, target, ctx.publicUrl(), { preview: true });
  });
}
