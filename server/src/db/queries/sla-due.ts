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

/** Stores (or moves, while not yet fired) the due time of each action; a fired action is never re-armed. */
export async function upsertSlaDue(tx: Queryable, rows: readonly SlaDueRow[]): Promise<void> {
  for (const row of rows) {
    await tx.query(
      `INSERT INTO sla_due (ticket_id, clock, percent, due_at, recipient, subject)
       VALUES ($1, $2, $3, to_timestamp($4::double precision / 1000), $5, $6)
       ON CONFLICT (ticket_id, clock, percent) DO UPDATE
         SET due_at = EXCLUDED.due_at, recipient = EXCLUDED.recipient, subject = EXCLUDED.subject
         WHERE sla_due.fired_at IS NULL`,
      [row.ticketId, row.clock, row.percent, row.dueAt, row.recipient, row.subject],
    );
  }
}

/**
 * Marks up to `limit` due, unfired actions as fired by `instance` and returns them. Call inside the transaction
 * that performs their effects: SKIP LOCKED lets other instances take other rows, and a rollback un-fires them.
 */
export async function takeDueSlaActions(tx: Queryable, instance: string, limit: number): Promise<(SlaDueRow & { id: number })[]> {
  const rows = await tx.query<{
    id: string | number;
    ticket_id: string;
    clock: string;
    percent: number;
    due_ms: string | number;
    recipient: string;
    subject: string;
  }>(
    `UPDATE sla_due SET fired_at = now(), fired_by = $1
     WHERE id IN (
       SELECT id FROM sla_due WHERE fired_at IS NULL AND due_at <= now()
       ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED
     )
     RETURNING id, ticket_id, clock, percent, (extract(epoch FROM due_at) * 1000)::bigint AS due_ms, recipient, subject`,
    [instance, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    ticketId: r.ticket_id,
    clock: r.clock,
    percent: r.percent,
    dueAt: Number(r.due_ms),
    recipient: r.recipient,
    subject: r.subject,
  }));
}
