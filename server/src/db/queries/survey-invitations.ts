import type { Language } from '@shared';
import type { Queryable } from '../database.js';

export interface NewInvitation {
  tokenHash: string;
  surveyId: string;
  surveyVersion: number;
  ticketId: string | null;
  contactEmail: string;
  contactName: string;
  respondentId: string;
  language: Language;
  expiryDays: number;
  /** The manual campaign that sends it; null when sent on ticket resolution. */
  campaignId: string | null;
}

export interface Invitation {
  tokenHash: string;
  surveyId: string;
  surveyVersion: number;
  ticketId: string | null;
  contactEmail: string;
  contactName: string;
  respondentId: string;
  language: Language;
  expiresAt: Date;
  usedAt: Date | null;
}

interface Row {
  token_hash: string;
  survey_id: string;
  survey_version: number;
  ticket_id: string | null;
  contact_email: string;
  contact_name: string;
  respondent_id: string;
  language: Language;
  expires_at: Date | string;
  used_at: Date | string | null;
}

const toInvitation = (row: Row): Invitation => ({
  tokenHash: row.token_hash,
  surveyId: row.survey_id,
  surveyVersion: Number(row.survey_version),
  ticketId: row.ticket_id,
  contactEmail: row.contact_email,
  contactName: row.contact_name,
  respondentId: row.respondent_id,
  language: row.language,
  expiresAt: new Date(row.expires_at),
  usedAt: row.used_at === null ? null : new Date(row.used_at),
});

/**
 * Serialises the transactions that decide whether to invite someone (ticket resolutions, campaigns) until they
 * end, so two of them cannot both pass the throttle for the same contact.
 */
export async function lockInvitationDecisions(tx: Queryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('survey_invitations'))`);
}

export async function insertInvitation(tx: Queryable, invitation: NewInvitation): Promise<void> {
  await tx.query(
    `INSERT INTO survey_invitations
       (token_hash, survey_id, survey_version, ticket_id, contact_email, contact_name, respondent_id, language, expires_at,
        campaign_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(days => $9::int), $10)`,
    [
      invitation.tokenHash,
      invitation.surveyId,
      invitation.surveyVersion,
      invitation.ticketId,
      invitation.contactEmail,
      invitation.contactName,
      invitation.respondentId,
      invitation.language,
      invitation.expiryDays,
      invitation.campaignId,
    ],
  );
}

/** True when this contact was invited within the last `days` days (never with 0 days). */
export async function invitedRecently(tx: Queryable, email: string, days: number): Promise<boolean> {
  if (days <= 0) return false;
  const rows = await tx.query(
    `SELECT 1 FROM survey_invitations WHERE lower(contact_email) = lower($1) AND created_at > now() - make_interval(days => $2::int) LIMIT 1`,
    [email, days],
  );
  return rows.length > 0;
}

/** True when a survey was already sent about this ticket (it gets one, even when resolved again). */
export async function ticketSurveyed(tx: Queryable, ticketId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM survey_invitations WHERE ticket_id = $1 LIMIT 1', [ticketId]);
  return rows.length > 0;
}

/** The invitation of a token hash, locked until the transaction ends (one response per token). */
export async function lockInvitation(tx: Queryable, tokenHash: string): Promise<Invitation | null> {
  const rows = await tx.query<Row>('SELECT * FROM survey_invitations WHERE token_hash = $1 FOR UPDATE', [tokenHash]);
  return rows[0] ? toInvitation(rows[0]) : null;
}

export async function findInvitation(db: Queryable, tokenHash: string): Promise<Invitation | null> {
  const rows = await db.query<Row>('SELECT * FROM survey_invitations WHERE token_hash = $1', [tokenHash]);
  return rows[0] ? toInvitation(rows[0]) : null;
}

export async function markInvitationUsed(tx: Queryable, tokenHash: string, responseId: string): Promise<void> {
  await tx.query('UPDATE survey_invitations SET used_at = now(), response_id = $2 WHERE token_hash = $1', [
    tokenHash,
    responseId,
  ]);
}
