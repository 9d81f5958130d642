import type { Queryable } from '../database.js';

/** Which of these tickets have a post-incident review ('review' event) on the server. */
export async function ticketsWithReview(db: Queryable, ticketIds: readonly string[]): Promise<Set<string>> {
  if (ticketIds.length === 0) return new Set();
  const rows = await db.query<{ ticket_id: string }>(
    `SELECT DISTINCT ticket_id FROM sync_documents
     WHERE collection = 'ticket_events' AND NOT deleted AND data->>'kind' = 'review'
       AND ticket_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ticketIds)],
  );
  return new Set(rows.map((r) => r.ticket_id));
}
