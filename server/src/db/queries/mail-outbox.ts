import type { Queryable } from '../database.js';

/** The notification channel that wakes the outbox senders of every instance. */
export const MAIL_CHANNEL = 'mail_outbox';

/** One message to send; `kind` says why (e.g. `ticket-created`, `survey-invitation`) for tests and operators. */
export interface OutgoingMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  ticketId?: string;
}

export interface QueuedMail extends OutgoingMail {
  id: number;
  attempts: number;
}

/** Queues a message inside the caller's transaction; it is sent only if that transaction commits. */
export async function enqueueMail(tx: Queryable, mail: OutgoingMail): Promise<void> {
  await tx.query(
    `INSERT INTO mail_outbox (kind, to_address, subject, text_body, html_body, ticket_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [mail.kind, mail.to, mail.subject, mail.text, mail.html ?? null, mail.ticketId ?? null],
  );
  await tx.query('SELECT pg_notify($1, $2)', [MAIL_CHANNEL, '']);
}

interface Row {
  id: string | number;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  ticket_id: string | null;
  attempts: number;
}

/**
 * Claims up to `limit` due messages for `claimSeconds`: another instance skips them meanwhile, and a sender
 * that dies leaves them to be claimed again once the claim expires (at-least-once delivery).
 */
export async function claimDueMail(db: Queryable, limit: number, claimSeconds: number): Promise<QueuedMail[]> {
  const rows = await db.query<Row>(
    `UPDATE mail_outbox SET claimed_until = now() + make_interval(secs => $2::int), attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM mail_outbox
       WHERE sent_at IS NULL AND send_after <= now() AND (claimed_until IS NULL OR claimed_until < now())
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
     )
     RETURNING id, kind, to_address, subject, text_body, html_body, ticket_id, attempts`,
    [limit, claimSeconds],
  );
  return rows.map((row) => ({ ...toMail(row), id: Number(row.id), attempts: row.attempts })).sort((a, b) => a.id - b.id);
}

/**
 * Every message queued for one recipient or one ticket, oldest first, sent or not. Mail is queued in the write's own
 * transaction, so once the write has returned this is the final word on what will go out for it.
 */
export async function listQueuedMail(db: Queryable, filter: { to: string } | { ticketId: string }): Promise<OutgoingMail[]> {
  const [column, value] = 'to' in filter ? ['to_address', filter.to] : ['ticket_id', filter.ticketId];
  const rows = await db.query<Row>(
    `SELECT id, kind, to_address, subject, text_body, html_body, ticket_id, attempts FROM mail_outbox
     WHERE ${column} = $1 ORDER BY id`,
    [value],
  );
  return rows.map(toMail);
}

function toMail(row: Row): OutgoingMail {
  return {
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    ...(row.html_body === null ? {} : { html: row.html_body }),
    ...(row.ticket_id === null ? {} : { ticketId: row.ticket_id }),
  };
}

export async function markMailSent(db: Queryable, id: number): Promise<void> {
  await db.query('UPDATE mail_outbox SET sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id = $1', [id]);
}

/** Records a failed attempt and when to try again. */
export async function markMailFailed(db: Queryable, id: number, error: string, retryInSeconds: number): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET claimed_until = NULL, last_error = $2, send_after = now() + make_interval(secs => $3::int)
     WHERE id = $1`,
    [id, error.slice(0, 2000), retryInSeconds],
  );
}
