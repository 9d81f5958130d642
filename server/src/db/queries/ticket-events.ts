import type { Queryable } from '../database.js';

/** A stored ticket event with when the server received it (ms): the bound on the device's time for SLA clocks. */
export interface ReceivedEvent {
  data: Record<string, unknown>;
  receivedAt: number;
}

/**
 * The live events of the given tickets, in sequence order, in one query (the ticket_id index). `receivedAt` is the
 * row's server time: when it was stored, or later when a change of the ticket's scope re-sequenced it (never earlier).
 */
export async function eventsOfTickets(db: Queryable, ticketIds: readonly string[]): Promise<ReceivedEvent[]> {
  if (ticketIds.length === 0) return [];
  const rows = await db.query<{ data: Record<string, unknown>; received_ms: string | number }>(
    `SELECT data, (extract(epoch FROM server_time) * 1000)::bigint AS received_ms FROM sync_documents
     WHERE collection = 'ticket_events' AND NOT deleted AND ticket_id IN (SELECT jsonb_array_elements_text($1::jsonb))
     ORDER BY seq`,
    [JSON.stringify([...new Set(ticketIds)])],
  );
  return rows.map((row) => ({ data: row.data, receivedAt: Number(row.received_ms) }));
}
