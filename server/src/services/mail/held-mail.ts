import type { Database } from '../../db/database.js';
import type { HeldMail } from '@shared';
import { listHeldMail, lockHeldMail, releaseHeldMail } from '../../db/queries/mail-outbox.js';
import { ApiError, notFound } from '../../http/api-error.js';
import { undeliverableReason } from './mail-queue.js';

/** How many held messages the operators' list shows: the newest. */
export const HELD_MAIL_LIST_MAX = 500;

/** The held messages, newest first. */
export function heldMail(db: Database): Promise<HeldMail[]> {
  return listHeldMail(db, HELD_MAIL_LIST_MAX);
}

/**
 * Releases one held message so the outbox sends it. Only mail held for the sender's hourly allowance can go: a
 * message whose recipient or subject the outbox refuses (undeliverableReason) would be refused again, so releasing
 * it is a 422 naming why, and nothing changes.
 */
export async function releaseHeld(db: Database, id: number): Promise<HeldMail> {
  return db.transaction(async (tx) => {
    const mail = await lockHeldMail(tx, id);
    if (!mail) throw notFound(`No held message ${id}: it was sent, released already, or never existed.`);
    const refused = undeliverableReason(mail);
    if (refused) throw new ApiError(422, `This message cannot be released: ${refused} Correct the contact and act again.`);
    await releaseHeldMail(tx, id);
    return mail;
  });
}
