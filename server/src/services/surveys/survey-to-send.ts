import type { Survey, SurveySettings } from '@shared';
import type { Queryable } from '../../db/database.js';
import { findSurvey, firstActiveSurvey, recordSurveyVersion } from '../../db/queries/survey-versions.js';

/**
 * The survey sent on resolution (the configured one when active, else the first active survey), snapshotted so
 * the version an invitation names stays available. Null when there is none to send.
 */
export async function surveyToSend(tx: Queryable, settings: SurveySettings): Promise<Survey | null> {
  const survey = settings.activeSurveyId ? await findSurvey(tx, settings.activeSurveyId) : await firstActiveSurvey(tx);
  if (!survey || survey.status !== 'active') return null;
  return recordSurveyVersion(tx, survey);
}
