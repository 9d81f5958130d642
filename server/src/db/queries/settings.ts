import type { Queryable } from '../database.js';

/**
 * Returns the stored setting, storing `candidate` first when there is none. Safe when several instances
 * start at once: the first writer wins and everybody reads its value.
 */
export async function getOrCreateSetting(db: Queryable, key: string, candidate: string): Promise<string> {
  await db.query('INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, candidate]);
  const rows = await db.query<{ value: string }>('SELECT value FROM server_settings WHERE key = $1', [key]);
  return rows[0].value;
}

/** Stores a setting only when absent; true when this call stored it. */
export async function claimSetting(db: Queryable, key: string, value: string): Promise<boolean> {
  const rows = await db.query(
    'INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
    [key, value],
  );
  return rows.length === 1;
}
