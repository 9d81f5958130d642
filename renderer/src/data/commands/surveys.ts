import { can, surveyTemplateViolations, type Survey, type SurveyTemplateViolation } from '@shared';
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
