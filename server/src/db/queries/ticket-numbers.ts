import type { Queryable } from '../database.js';

/**
 * Reserves `count` ticket numbers for a prefix and returns the last one: the caller owns (last - count, last].
 * The counter row stays locked until the transaction ends, so instances never hand out the same number. The
 * first use of a prefix starts above the highest number already stored with it (seeded or imported tickets).
 */
export async function reserveTicketNumbers(tx: Queryable, prefix: string, count: number): Promise<number> {
  const updated = await tx.query<{ last_value: string | number }>(
    'UPDATE ticket_number_counters SET last_value = last_value + $2 WHERE prefix = $1 RETURNING last_value',
    [prefix, count],
  );
  if (updated.length > 0) return Number(updated[0].last_value);
  // Only digits after the prefix count; at most 15 of them so the cast never overflows.
  const inserted = await tx.query<{ last_value: string | number }>(
    `INSERT INTO ticket_number_counters (prefix, last_value)
     SELECT $1::text, COALESCE(MAX(substring(data->>'number' FROM ('^' || $1::text || '([0-9]{1,15})$'))::bigint), 0) + $2
     FROM sync_documents WHERE collection = 'tickets' AND data->>'number' LIKE $1::text || '%'
     ON CONFLICT (prefix) DO UPDATE SET last_value = ticket_number_counters.last_value + $2
     RETURNING last_value`,
    [prefix, count],
  );
  return Number(inserted[0].last_value);
}
