import type { Queryable } from '../database.js';

/** Ids of the business calendars stored in the replicated settings collection (not deleted). */
export async function storedCalendarIds(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM sync_documents WHERE collection = 'settings' AND NOT deleted AND data->>'kind' = 'sla_calendar'`,
  );
  return rows.map((row) => row.id);
}

/** Every live SLA setting (policies and calendars), for the scheduler and reports. */
export async function loadSlaSettings(db: Queryable): Promise<{ id: string; kind: string; data: Record<string, unknown> }[]> {
  const rows = await db.query<{ data: { id: string; kind: string; data: Record<string, unknown> } }>(
    `SELECT data FROM sync_documents WHERE collection = 'settings' AND NOT deleted AND data->>'kind' IN ('sla_policy', 'sla_calendar')`,
  );
  return rows.map((row) => row.data);
}
