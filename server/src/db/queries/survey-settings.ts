import type { Queryable } from '../database.js';

const KEY = 'survey_settings';

/** The stored survey settings as JSON text, or null when never saved. */
export async function readSurveySettingsText(db: Queryable): Promise<string | null> {
  const rows = await db.query<{ value: string }>('SELECT value FROM server_settings WHERE key = $1', [KEY]);
  return rows[0]?.value ?? null;
}

export async function writeSurveySettingsText(db: Queryable, value: string): Promise<void> {
  await db.query(
    'INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [KEY, value],
  );
}
