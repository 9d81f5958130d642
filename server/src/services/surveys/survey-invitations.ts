import { isEmailAddress, type CampaignSkipReason, type Survey, type SurveySettings, type Ticket } from '@shared';
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/database.js';
import { queueMail } from '../mail/mail-queue.js';
import { insertInvitation, invitedRecently, ticketSurveyed } from '../../db/queries/survey-invitations.js';
import type { CallerContact } from '../contacts/caller-contact.js';
import { invitationMail } from './survey-mail.js';

/** Who a survey goes to: a caller, or a person a campaign names. */
export type SurveyContact = CallerContact;

export type InviteOutcome = 'sent' | 'skipped' | 'invalid';

/** Whether a contact would be invited now, and if not, why (a campaign's preview shows it). */
export type InviteDecision =
  | { outcome: 'sent' }
  | { outcome: 'skipped'; reason: Extract<CampaignSkipReason, 'throttled' | 'ticket_surveyed'> }
  | { outcome: 'invalid'; reason: 'address_invalid' };

/** Decides, without writing, whether `inviteContact` would invite this contact now. */
export async function inviteDecision(
  tx: Queryable,
  input: Pick<InviteInput, 'contact' | 'ticket' | 'settings'>,
): Promise<InviteDecision> {
  const { contact, ticket, settings } = input;
  if (!isEmailAddress(contact.email)) return { outcome: 'invalid', reason: 'address_invalid' };
  if (ticket && (await ticketSurveyed(tx, ticket.id))) return { outcome: 'skipped', reason: 'ticket_surveyed' };
  if (await invitedRecently(tx, contact.email, settings.throttleDays)) return { outcome: 'skipped', reason: 'throttled' };
  return { outcome: 'sent' };
}

/** Token bytes: 256 bits, far above the 128 required, base64url in the link. */
const TOKEN_BYTES = 32;

/** The SHA-256 of a survey token, hex: the only form the database keeps. */
export const hashSurveyToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The public page a token opens. */
export const surveyLink = (publicUrl: string, token: string): string => `${publicUrl.replace(/\/+$/, '')}/survey/${token}`;

export interface InviteInput {
  survey: Survey;
  contact: SurveyContact;
  ticket: Ticket | null;
  settings: SurveySettings;
  publicUrl: string;
  /** The manual campaign sending it, if any (on-resolution surveys have none). */
  campaignId?: string;
}

/**
 * Invites one contact inside the caller's transaction (hold `lockInvitationDecisions` first): stores the
 * invitation (token hash only) and queues the e-mail with the link, or skips a contact surveyed within the
 * throttle window or a ticket already surveyed, or refuses an unusable address.
 */
export async function inviteContact(tx: Queryable, input: InviteInput): Promise<InviteOutcome> {
  const { survey, contact, ticket, settings } = input;
  const decision = await inviteDecision(tx, input);
  if (decision.outcome !== 'sent') return decision.outcome;
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  await insertInvitation(tx, {
    tokenHash: hashSurveyToken(token),
    surveyId: survey.id,
    surveyVersion: survey.version,
    ticketId: ticket?.id ?? null,
    contactEmail: contact.email,
    contactName: contact.name,
    respondentId: contact.directoryId,
    language: contact.language,
    expiryDays: settings.tokenExpiryDays,
    campaignId: input.campaignId ?? null,
  });
  await queueMail(
    tx,
    invitationMail({
      to: contact.email,
      name: contact.name,
      language: contact.language,
      survey,
      link: surveyLink(input.publicUrl, token),
      expiresAt: new Date(Date.now() + settings.tokenExpiryDays * 86_400_000),
      ticket: ticket ? { id: ticket.id, number: ticket.number, title: ticket.title } : null,
    }),
  );
  return 'sent';
}
