import type { Survey } from '@shared';
import type { Queryable } from '../database.js';

/**
 * Keeps a survey version as first published and returns the stored snapshot: the earlier one when that
 * (id, version) was already seen, so the caller can tell a version reused with other questions.
 */
export async function recordSurveyVersion(tx: Queryable, survey: Survey): Promise<Survey> {
  await tx.query(
    `INSERT INTO survey_versions (survey_id, version, data) VALUES ($1, $2, $3::jsonb) ON CONFLICT (survey_id, version) DO NOTHING`,
    [survey.id, survey.version, JSON.stringify(survey)],
  );
  const rows = await tx.query<{ data: Survey }>('SELECT data FROM survey_versions WHERE survey_id = $1 AND version = $2', [
    survey.id,
    survey.version,
  ]);
  return rows[0].data;
}

/**
 * A survey version as published: the snapshot, else the current document when it has that version (surveys
 * written before snapshots existed, e.g. seeded, are snapshotted on first use). Null when unknown.
 */
export async function findSurveyVersion(db: Queryable, surveyId: string, version: number): Promise<Survey | null> {
  const rows = await db.query<{ data: Survey }>('SELECT data FROM survey_versions WHERE survey_id = $1 AND version = $2', [
    surveyId,
    version,
  ]);
  if (rows[0]) return rows[0].data;
  const current = await findSurvey(db, surveyId);
  if (!current || current.version !== version) return null;
  return recordSurveyVersion(db, current);
}

/** Every published version of a survey, oldest first (the current document's included once it was seen). */
export async function listSurveyVersions(db: Queryable, surveyId: string): Promise<Survey[]> {
  const current = await findSurvey(db, surveyId);
  if (current) await findSurveyVersion(db, surveyId, current.version);
  const rows = await db.query<{ data: Survey }>('SELECT data FROM survey_versions WHERE survey_id = $1 ORDER BY version', [
    surveyId,
  ]);
  return rows.map((row) => row.data);
}

/** The current survey document, or null when absent or deleted. */
export async function findSurvey(db: Queryable, surveyId: string): Promise<Survey | null> {
  const rows = await db.query<{ data: Survey }>(
    `SELECT data FROM sync_documents WHERE collection = 'surveys' AND id = $1 AND NOT deleted`,
    [surveyId],
  );
  return rows[0]?.data ?? null;
}

/** The first survey (by id) whose status is active, or null. */
export async function firstActiveSurvey(db: Queryable): Promise<Survey | null> {
  const rows = await db.query<{ data: Survey }>(
    `SELECT data FROM sync_documents WHERE collection = 'surveys' AND NOT deleted AND data->>'status' = 'active' ORDER BY id LIMIT 1`,
  );
  return rows[0]?.data ?? null;
}
