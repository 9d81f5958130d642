import type { Queryable } from '../database.js';

/** Every live (non-deleted) document of a collection, in id order (a stable order, so reports are reproducible). */
export async function loadLiveDocuments<T>(db: Queryable, collection: string): Promise<T[]> {
  const rows = await db.query<{ data: T }>(
    `SELECT data FROM sync_documents WHERE collection = $1 AND NOT deleted ORDER BY id COLLATE "C"`,
    [collection],
  );
  return rows.map((row) => row.data);
}
