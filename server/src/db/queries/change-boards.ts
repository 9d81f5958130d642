import type { Queryable } from '../database.js';

/** The stored change settings and standard-change templates (settings documents of those kinds), as stored. */
export async function changeSettingDocuments(
  db: Queryable,
): Promise<{ id: string; kind: string; data: Record<string, unknown> }[]> {
  const rows = await db.query<{ data: { id: string; kind: string; data: Record<string, unknown> } }>(
    `SELECT data FROM sync_documents WHERE collection = 'settings' AND NOT deleted AND data->>'kind' IN ('change_settings', 'change_template')`,
  );
  return rows.map((row) => row.data);
}

/** The active people of each of these groups (their `groupIds` name it), by group id. */
export async function activeMembersOfGroups(db: Queryable, groupIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const members = new Map(groupIds.map((id) => [id, new Set<string>()]));
  if (groupIds.length === 0) return members;
  const rows = await db.query<{ group_id: string; id: string }>(
    `SELECT g.id AS group_id, d.id FROM sync_documents d
     CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(d.data->'groupIds', '[]'::jsonb)) AS g(id)
     WHERE d.collection = 'directory' AND NOT d.deleted AND d.data->>'kind' = 'user' AND (d.data->>'active')::boolean
       AND g.id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(groupIds)],
  );
  for (const row of rows) members.get(row.group_id)?.add(row.id);
  return members;
}

/** The approval events of these changes, in sequence order. */
export async function approvalEventsOf(db: Queryable, ticketIds: readonly string[]): Promise<Record<string, unknown>[]> {
  if (ticketIds.length === 0) return [];
  const rows = await db.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM sync_documents
     WHERE collection = 'ticket_events' AND NOT deleted AND data->>'kind' = 'approval'
       AND ticket_id IN (SELECT jsonb_array_elements_text($1::jsonb))
     ORDER BY seq`,
    [JSON.stringify([...new Set(ticketIds)])],
  );
  return rows.map((row) => row.data);
}
