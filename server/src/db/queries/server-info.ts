import type { Queryable } from '../database.js';

/** The database server's version string, e.g. "16.4". Also proves the connection works. */
export async function databaseVersion(db: Queryable): Promise<string> {
  const rows = await db.query<{ version: string }>(`SELECT current_setting('server_version') AS version`);
  return rows[0].version;
}
