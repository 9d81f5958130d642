import type { HeldMail } from '@shared';
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
  /** The user whose write caused it (counted against their hourly limit); absent for the server's own mail. */
  requestedBy?: string;
  /** Set when the message is held, not sent: why (over the sender's limit, an address the outbox refuses). */
  heldReason?: string;
}

export interface QueuedMail extends OutgoingMail {
  id: number;
  attempts: number;
}

/**
 * Queues a message inside the caller's transaction; it is sent only if that transaction commits, and never while
 * `heldReason` is set. Services queue through `queueMail` (services/mail/mail-queue.ts), which checks it first.
 */
export async function enqueueMail(tx: Queryable, mail: OutgoingMail): Promise<void> {
  await tx.query(
    `INSERT INTO mail_outbox (kind, to_address, subject, text_body, html_body, ticket_id, requested_by, held_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      mail.kind,
      mail.to,
      mail.subject,
      mail.text,
      mail.html ?? null,
      mail.ticketId ?? null,
      mail.requestedBy ?? null,
      mail.heldReason ?? null,
    ],
  );
  if (!mail.heldReason) await tx.query('SELECT pg_notify($1, $2)', [MAIL_CHANNEL, '']);
}

/** How many messages caused by `userId` were queued to be sent (not held) within the last `seconds`. */
export async function countRecentMailBy(db: Queryable, userId: string, seconds: number): Promise<number> {
  const rows = await db.query<{ n: number | string }>(
    `SELECT count(*)::int AS n FROM mail_outbox
     WHERE requested_by = $1 AND held_reason IS NULL AND created_at > now() - make_interval(secs => $2::int)`,
    [userId, seconds],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Holds a claimed message for good instead of sending it (the sender's last check refused it). */
export async function markMailHeld(db: Queryable, id: number, reason: string): Promise<void> {
  await db.query('UPDATE mail_outbox SET claimed_until = NULL, held_reason = $2 WHERE id = $1', [id, reason.slice(0, 2000)]);
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
  held_reason?: string | null;
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
       WHERE sent_at IS NULL AND held_reason IS NULL AND send_after <= now()
         AND (claimed_until IS NULL OR claimed_until < now())
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
     )
     RETURNING id, kind, to_address, subject, text_body, html_body, ticket_id, attempts`,
    [limit, claimSeconds],
  );
  return rows.map((row) => ({ ...toMail(row), id: Number(row.id), attempts: row.attempts })).sort((a, b) => a.id - b.id);
}

/**
 * Every message queued for one recipient or one ticket, oldest first, sent or not (held ones with their reason). Mail is queued in the write's own
 * transaction, so once the write has returned this is the final word on what will go out for it.
 */
export async function listQueuedMail(db: Queryable, filter: { to: string } | { ticketId: string }): Promise<OutgoingMail[]> {
  const [column, value] = 'to' in filter ? ['to_address', filter.to] : ['ticket_id', filter.ticketId];
  const rows = await db.query<Row>(
    `SELECT id, kind, to_address, subject, text_body, html_body, ticket_id, attempts, held_reason FROM mail_outbox
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
    ...(row.held_reason ? { heldReason: row.held_reason } : {}),
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

interface HeldRow {
  id: string | number;
  kind: string;
  to_address: string;
  subject: string;
  ticket_id: string | null;
  requested_by: string | null;
  held_reason: string;
  created_at: Date | string;
}

const toHeld = (row: HeldRow): HeldMail => ({
  id: Number(row.id),
  kind: row.kind,
  to: row.to_address,
  subject: row.subject,
  ticketId: row.ticket_id,
  requestedBy: row.requested_by,
  heldReason: row.held_reason,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Messages held and never sent, newest first, at most `limit`. */
export async function listHeldMail(db: Queryable, limit: number): Promise<HeldMail[]> {
  const rows = await db.query<HeldRow>(
    `SELECT id, kind, to_address, subject, ticket_id, requested_by, held_reason, created_at FROM mail_outbox
     WHERE held_reason IS NOT NULL AND sent_at IS NULL ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return rows.map(toHeld);
}

/** One held message, locked for the caller's transaction; null when there is none (sent, released or unknown). */
export async function lockHeldMail(tx: Queryable, id: number): Promise<HeldMail | null> {
  const rows = await tx.query<HeldRow>(
    `SELECT id, kind, to_address, subject, ticket_id, requested_by, held_reason, created_at FROM mail_outbox
     WHERE id = $1 AND held_reason IS NOT NULL AND sent_at IS NULL FOR UPDATE`,
    [id],
  );
  return rows[0] ? toHeld(rows[0]) : null;
}

/** Lets a held message go: the senders of every instance are woken to send it. */
export async function releaseHeldMail(tx: Queryable, id: number): Promise<void> {
  await tx.query('UPDATE mail_outbox SET held_reason = NULL, send_after = now(), claimed_until = NULL WHERE id = $1', [id]);
  await tx.query('SELECT pg_notify($1, $2)', [MAIL_CHANNEL, '']);
}
