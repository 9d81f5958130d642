import type { CampaignTicketFilter, Ticket } from '@shared';
import type { Queryable } from '../database.js';

/** Tickets matching every condition of the filter (not deleted), by id, at most `limit`. */
export async function findCampaignTickets(db: Queryable, filter: CampaignTicketFilter, limit: number): Promise<Ticket[]> {
  const rows = await db.query<{ data: Ticket }>(
    `SELECT data FROM sync_documents
     WHERE collection = 'tickets' AND NOT deleted
       AND ($1::jsonb IS NULL OR $1::jsonb ? (data->>'status'))
       AND ($2::text IS NULL OR group_id = $2::text)
       AND ($3::text IS NULL OR data->>'categoryId' = $3::text)
       AND ($4::text IS NULL OR data->>'type' = $4::text)
       AND ($5::bigint IS NULL OR (data->>'updatedAt')::bigint >= $5::bigint)
       AND ($6::bigint IS NULL OR (data->>'updatedAt')::bigint <= $6::bigint)
     ORDER BY id LIMIT $7`,
    [
      filter.statuses ? JSON.stringify(filter.statuses) : null,
      filter.groupId ?? null,
      filter.categoryId ?? null,
      filter.type ?? null,
      filter.updatedFrom ?? null,
      filter.updatedTo ?? null,
      limit,
    ],
  );
  return rows.map((row) => row.data);
}
