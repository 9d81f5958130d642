import { STAKEHOLDER_UPDATE, type Ticket } from '@shared';
import type { Transaction } from '../../db/database.js';
import { loadDocuments } from '../../db/queries/documents.js';
import { findUserById } from '../../db/queries/directory.js';
import { enqueueMail } from '../../db/queries/mail-outbox.js';
import { callerContact } from '../contacts/caller-contact.js';
import type { PushEffect } from '../sync/push-effects.js';

/** The addresses of a ticket's stakeholders: its watchers' from the directory, and the caller's (see callerContact). */
async function stakeholderAddresses(tx: Transaction, ticket: Ticket): Promise<string[]> {
  const addresses: string[] = [];
  for (const id of new Set(ticket.watcherIds ?? [])) {
    const user = await findUserById(tx, id);
    if (typeof user?.email === 'string' && user.email) addresses.push(user.email);
  }
  const caller = await callerContact(tx, ticket);
  if (caller) addresses.push(caller.email);
  return [...new Set(addresses.map((a) => a.toLowerCase()))];
}

/**
 * Sends each major-incident stakeholder update (a 'communication' event to the stakeholders) by e-mail to the
 * ticket's watchers and caller, queued in the push's transaction so it goes out exactly when the update is stored.
 */
export function mailStakeholderUpdates(publicUrl: () => string): PushEffect {
  return async ({ tx, collection, writes, previous }) => {
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
      for (const to of await stakeholderAddresses(tx, ticket)) {
        await enqueueMail(tx, {
          kind: 'major-incident-update',
          to,
          ticketId: ticket.id,
          subject: `[${ticket.number}] Update / Mise à jour: ${ticket.title}`,
          text: `${String(update.body)}\n\n${ticket.number} - ${ticket.title}\n${link}\n`,
        });
      }
    }
  };
}
