import { isEmailAddress } from '@shared';
import type { Queryable } from '../../db/database.js';
import { countRecentMailBy, enqueueMail, type OutgoingMail } from '../../db/queries/mail-outbox.js';

/**
 * Messages a user's writes may have the desk send per hour (caller notices, stakeholder updates) before the rest
 * is held. Generous for real work (a major incident with dozens of stakeholders, a busy phone shift), small enough
 * that the desk cannot be used to spam. Server option `mailPerUserPerHour` overrides it.
 */
export const DEFAULT_MAIL_PER_USER_PER_HOUR = 200;

const HOUR_S = 3600;

/** The user a message is sent for and their hourly allowance. */
export interface MailRequester {
  userId: string;
  perHour: number;
}

/**
 * Why the outbox must not send this message, or null: exactly one valid recipient (isEmailAddress, the rule every
 * contact field follows) and a one-line subject. Checked when queueing and again just before sending, the last
 * defence against a list or a header smuggled in by data stored before the rules or written by the server itself.
 */
export function undeliverableReason(mail: Pick<OutgoingMail, 'to' | 'subject'>): string | null {
  if (!isEmailAddress(mail.to)) return `The recipient "${mail.to.slice(0, 300)}" is not exactly one valid e-mail address.`;
  if (/[\r\n]/.test(mail.subject)) return 'The subject contains a line break, which would add a header.';
  return null;
}

/**
 * The one way services queue mail, in the caller's transaction. A message the outbox must not send, or one over
 * the requester's hourly allowance, is still recorded but held with its reason (never sent; operators see it),
 * so the write that caused it is not lost and nothing goes out. Returns whether it will be sent.
 */
export async function queueMail(tx: Queryable, mail: OutgoingMail, requester?: MailRequester): Promise<'queued' | 'held'> {
  let heldReason = undeliverableReason(mail);
  if (!heldReason && requester) {
    const sent = await countRecentMailBy(tx, requester.userId, HOUR_S);
    if (sent >= requester.perHour)
      heldReason = `Held: ${requester.userId} has had ${sent} messages sent within the last hour; the limit is ${requester.perHour} per hour.`;
  }
  await enqueueMail(tx, {
    ...mail,
    ...(requester ? { requestedBy: requester.userId } : {}),
    ...(heldReason ? { heldReason } : {}),
  });
  return heldReason ? 'held' : 'queued';
}
