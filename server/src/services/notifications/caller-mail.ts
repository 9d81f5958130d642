import { mailsCaller, reachedResolution, type Ticket } from '@shared';
import { loadDocuments } from '../../db/queries/documents.js';
import { callerContact, namesCaller } from '../contacts/caller-contact.js';
import { queueMail } from '../mail/mail-queue.js';
import type { SyncDocument } from '../sync/document-validation.js';
import type { PushEffect } from '../sync/push-effects.js';
import { toSyncDocument } from '../sync/stored-document.js';
import { renderCallerMail, type CallerMailKind } from './caller-mail-templates.js';

const asTicket = (doc: SyncDocument): Ticket => doc as unknown as Ticket;

/** Statuses whose arrival is "progress" worth telling the caller: work started (or resumed), or we wait. */
const PROGRESS_STATUSES = new Set(['in_progress', 'pending']);

/**
 * What a pushed ticket change means to its caller: created; progress (the status became in progress or pending,
 * including a reopened ticket); resolved (also when it arrives closed, or is created resolved offline). Other
 * changes (assignment, escalation, closing, fields) send nothing, and problems nothing at all (mailsCaller).
 */
export function callerMailKinds(previous: Ticket | undefined, next: Ticket): CallerMailKind[] {
  const kinds: CallerMailKind[] = [];
  if (!previous) kinds.push('ticket-created');
  const statusChanged = previous?.status !== next.status;
  if (statusChanged && previous && PROGRESS_STATUSES.has(next.status)) kinds.push('ticket-progress');
  if (reachedResolution(previous?.status, next.status)) kinds.push('ticket-resolved');
  return kinds;
}

/**
 * Push effect: queues the caller's e-mail for a ticket's creation, progress and resolution in the push's
 * transaction (sent by the outbox once it commits). It reads the tickets as stored after the earlier effects,
 * so the mail quotes the confirmed number, never the provisional one. The mail counts against the pusher's hourly
 * allowance (`perHour`, see queueMail): the caller's address is typed by staff.
 */
export const callerMailEffect =
  (perHour: number): PushEffect =>
  async ({ tx, actor, collection, writes, previous }) => {
    if (collection !== 'tickets') return;
    const changes = writes
      // A ticket naming no caller has no one to write to, nor has a problem (mailsCaller): not read again below.
      .filter((doc) => !doc._deleted && mailsCaller(asTicket(doc)) && namesCaller(asTicket(doc)))
      .map((doc) => {
        const before = previous.get(doc.id);
        return { id: doc.id, kinds: callerMailKinds(before && !before._deleted ? asTicket(before) : undefined, asTicket(doc)) };
      })
      .filter((change) => change.kinds.length > 0);
    if (changes.length === 0) return;
    const stored = await loadDocuments(
      tx,
      'tickets',
      changes.map((change) => change.id),
    );
    for (const change of changes) {
      const row = stored.get(change.id);
      if (!row) continue;
      const ticket = asTicket(toSyncDocument(row));
      const recipient = await callerContact(tx, ticket);
      if (!recipient) continue;
      for (const kind of change.kinds) {
        const mail = renderCallerMail(kind, { ticket, callerName: recipient.name }, recipient.language);
        await queueMail(tx, { kind, to: recipient.email, ticketId: ticket.id, ...mail }, { userId: actor.id, perHour });
      }
    }
  };
