import type { Queryable } from '../database.js';

/** One SLA action to fire at `dueAt` (ms). */
export interface SlaDueRow {
  ticketId: string;
  clock: string;
  percent: number;
  dueAt: number;
  recipient: string;
  subject: string;
}

/** The key of an action: one row per ticket, clock and threshold. */
export const slaDueKey = (row: { ticketId: string; clock: string; percent: number }): string =>
  `${row.ticketId}|${row.clock}|${row.percent}`;

/**
 * Stores (or moves, while not yet fired) the due time of each action; a fired action is never re-armed. One
 * statement for the whole batch; rows are written in key order so concurrent writers lock them in the same order.
 */
export async function upsertSlaDue(tx: Queryable, rows: readonly SlaDueRow[]): Promise<void> {
  if (rows.length === 0) return;
  // ON CONFLICT cannot touch one row twice in a statement: the last row given for a key wins.
  const unique = [...new Map(rows.map((row) => [slaDueKey(row), row])).entries()].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  await tx.query(
    `INSERT INTO sla_due (ticket_id, clock, percent, due_at, recipient, subject)
     SELECT r.ticket_id, r.clock, r.percent, to_timestamp(r.due_ms / 1000), r.recipient, r.subject
     FROM jsonb_to_recordset($1::jsonb)
       AS r(ticket_id text, clock text, percent integer, due_ms double precision, recipient text, subject text)
     ON CONFLICT (ticket_id, clock, percent) DO UPDATE
       SET due_at = EXCLUDED.due_at, recipient = EXCLUDED.recipient, subject = EXCLUDED.subject
       WHERE sla_due.fired_at IS NULL`,
    [
      JSON.stringify(
        unique.map(([, r]) => ({
          ticket_id: r.ticketId,
          clock: r.clock,
          percent: r.percent,
          due_ms: r.dueAt,
          recipient: r.recipient,
          subject: r.subject,
        })),
      ),
    ],
  );
}

/** A threshold a running clock has already passed: its stored, unfired action is due at `dueAt` at the latest. */
export interface SlaReachedAction {
  ticketId: string;
  clock: string;
  percent: number;
  dueAt: number;
}

/**
 * Brings the unfired actions of `ticketIds` in line with their clocks, in the caller's transaction: `scheduled`
 * are stored or moved (upsertSlaDue); `reached` thresholds keep their stored unfired action and bring its due time
 * forward to when they were reached (never inserted: a threshold first seen already passed is not announced late);
 * every other unfired action of these tickets is removed (clock paused or stopped, ticket resolved, policy gone).
 * Fired actions are history and are never touched.
 */
export async function replaceUnfiredSlaDue(
  tx: Queryable,
  ticketIds: readonly string[],
  scheduled: readonly SlaDueRow[],
  reached: readonly SlaReachedAction[] = [],
): Promise<void> {
  if (ticketIds.length === 0) return;
  const keep = [...scheduled, ...reached].map((row) => ({ ticket_id: row.ticketId, clock: row.clock, percent: row.percent }));
  await tx.query(
    `DELETE FROM sla_due d
     WHERE d.fired_at IS NULL
       AND d.ticket_id IN (SELECT jsonb_array_elements_text($1::jsonb))
       AND NOT EXISTS (
         SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS k(ticket_id text, clock text, percent integer)
         WHERE k.ticket_id = d.ticket_id AND k.clock = d.clock AND k.percent = d.percent
       )`,
    [JSON.stringify([...new Set(ticketIds)].sort()), JSON.stringify(keep)],
  );
  await upsertSlaDue(tx, scheduled);
  if (reached.length > 0)
    await tx.query(
      `UPDATE sla_due d SET due_at = LEAST(d.due_at, to_timestamp(r.due_ms / 1000))
       FROM jsonb_to_recordset($1::jsonb) AS r(ticket_id text, clock text, percent integer, due_ms double precision)
       WHERE d.fired_at IS NULL AND d.ticket_id = r.ticket_id AND d.clock = r.clock AND d.percent = r.percent`,
      [JSON.stringify(reached.map((r) => ({ ticket_id: r.ticketId, clock: r.clock, percent: r.percent, due_ms: r.dueAt })))],
    );
}

/** The unfired actions stored for some tickets, as `ticketId|clock|percent` keys (slaDueKey). */
export async function unfiredSlaDueKeys(db: Queryable, ticketIds: readonly string[]): Promise<Set<string>> {
  if (ticketIds.length === 0) return new Set();
  const rows = await db.query<{ ticket_id: string; clock: string; percent: number }>(
    `SELECT ticket_id, clock, percent FROM sla_due
     WHERE fired_at IS NULL AND ticket_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ticketIds)],
  );
  return new Set(rows.map((r) => slaDueKey({ ticketId: r.ticket_id, clock: r.clock, percent: r.percent })));
}

/** An `sla_due` row as selected with its due time in ms (`due_ms`). */
interface SlaDueDbRow {
  ticket_id: string;
  clock: string;
  percent: number;
  due_ms: string | number;
  recipient: string;
  subject: string;
}

function fromDbRow(r: SlaDueDbRow): SlaDueRow {
  return {
    ticketId: r.ticket_id,
    clock: r.clock,
    percent: r.percent,
    dueAt: Number(r.due_ms),
    recipient: r.recipient,
    subject: r.subject,
  };
}

/** The stored actions of some tickets, fired or not, for tests and the ticket's explanation. */
export async function slaDueOfTickets(
  db: Queryable,
  ticketIds: readonly string[],
): Promise<(SlaDueRow & { firedAt: number | null })[]> {
  if (ticketIds.length === 0) return [];
  const rows = await db.query<SlaDueDbRow & { fired_ms: string | number | null }>(
    `SELECT ticket_id, clock, percent, (extract(epoch FROM due_at) * 1000)::bigint AS due_ms, recipient, subject,
            (extract(epoch FROM fired_at) * 1000)::bigint AS fired_ms
     FROM sla_due WHERE ticket_id IN (SELECT jsonb_array_elements_text($1::jsonb))
     ORDER BY ticket_id, clock, percent`,
    [JSON.stringify(ticketIds)],
  );
  return rows.map((r) => ({ ...fromDbRow(r), firedAt: r.fired_ms === null ? null : Number(r.fired_ms) }));
}

/** Whether any unfired action is due now (an index probe that locks nothing, so an idle pass takes no lock). */
export async function anySlaActionDue(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ one: number }>('SELECT 1 AS one FROM sla_due WHERE fired_at IS NULL AND due_at <= now() LIMIT 1');
  return rows.length > 0;
}

/**
 * Marks up to `limit` due, unfired actions as fired by `instance` and returns them. Call inside the transaction
 * that performs their effects: SKIP LOCKED lets other instances take other rows, and a rollback un-fires them.
 * The claimed ids are an array probed through the primary key: with `id IN (subquery)` the planner, counting the
 * fired history's past due times, chose a hash join over the whole table (200 ms at 400,000 rows instead of ~2 ms).
 */
export async function takeDueSlaActions(tx: Queryable, instance: string, limit: number): Promise<(SlaDueRow & { id: number })[]> {
  const rows = await tx.query<SlaDueDbRow & { id: string | number }>(
    `UPDATE sla_due SET fired_at = now(), fired_by = $1
     WHERE id = ANY (ARRAY(
       SELECT id FROM sla_due WHERE fired_at IS NULL AND due_at <= now()
       ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED
     ))
     RETURNING id, ticket_id, clock, percent, (extract(epoch FROM due_at) * 1000)::bigint AS due_ms, recipient, subject`,
    [instance, limit],
  );
  return rows.map((r) => ({ ...fromDbRow(r), id: Number(r.id) }));
}
