import { STAKEHOLDER_UPDATE, isEmailAddress, type Ticket } from '@shared';
import type { Transaction } from '../../db/database.js';
import { loadDocuments } from '../../db/queries/documents.js';
import { findUserById } from '../../db/queries/directory.js';
import { callerContact } from '../contacts/caller-contact.js';
import { queueMail } from '../mail/mail-queue.js';
import type { PushEffect } from '../sync/push-effects.js';
import { renderStakeholderMail } from './stakeholder-mail-template.js';

/**
 * The addresses of a ticket's stakeholders: its watchers' from the directory, and the caller's (see callerContact).
 * Only single valid addresses (isEmailAddress): a list in a contact field never widens the recipients.
 */
async function stakeholderAddresses(tx: Transaction, ticket: Ticket): Promise<string[]> {
  const addresses: string[] = [];
  for (const id of new Set(ticket.watcherIds ?? [])) {
    const user = await findUserById(tx, id);
    if (typeof user?.email === 'string' && user.email) addresses.push(user.email);
  }
  const caller = await callerContact(tx, ticket);
  if (caller) addresses.push(caller.email);
  return [...new Set(addresses.map((a) => a.trim().toLowerCase()))].filter(isEmailAddress);
}

/**
 * Sends each major-incident stakeholder update (a 'communication' event to the stakeholders) by e-mail to the
 * ticket's watchers and caller, queued in the push's transaction so it goes out exactly when the update is stored.
 * Who may send one is checked before the write (WRITE_CHECKS, `major.communicate`); the mail counts against the
 * sender's hourly allowance (`perHour`, see queueMail) and security incidents get the restricted template.
 */
export function mailStakeholderUpdates(publicUrl: () => string, perHour: number): PushEffect {
  return async ({ tx, actor, collection, writes, previous }) => {
    if (collection !== 'ticket_events') return;
    const updates = writes.filter((e) => !previous.has(e.id) && e.kind === 'communication' && e.toValue === STAKEHOLDER_UPDATE);
    if (updates.length === 0) return;
    const tickets = await loadDocuments(
      tx,
      'tickets',
      updates.map((e) => String(e.ticketId)),
    );
    for (const update of updates) {
      const stored = tickets.get(String(update.ticketId));
      if (!stored) continue;
      const ticket = stored.data as unknown as Ticket;
      const link = `${publicUrl()}/#/tickets/${encodeURIComponent(ticket.id)}`;
      const mail = renderStakeholderMail({ ticket, body: String(update.body), link });
      for (const to of await stakeholderAddresses(tx, ticket)) {
        await queueMail(tx, { kind: 'major-incident-update', to, ticketId: ticket.id, ...mail }, { userId: actor.id, perHour });
      }
    }
  };
}
