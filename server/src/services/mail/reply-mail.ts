import { INBOUND_REPLY, type Ticket, type TicketEvent } from '@shared';
import { loadDocuments } from '../../db/queries/documents.js';
import { callerContact } from '../contacts/caller-contact.js';
import type { PushEffect } from '../sync/push-effects.js';
import { toSyncDocument } from '../sync/stored-document.js';
import { queueMail } from './mail-queue.js';
import { renderReplyMail } from './reply-mail-template.js';

/**
 * Push effect: mails each newly accepted public reply (`reply` event) to the ticket's caller, in the push's
 * transaction (sent by the outbox once it commits; a refused push mails nothing). The push has already checked that
 * the author may reply on this ticket (`ticket.reply`). Events are append-only, so only new ones count: a retried push
 * of the same event is an idempotent no-op and mails nothing again. Counted against the pusher's hourly allowance.
 */
export const replyMailEffect =
  (perHour: number): PushEffect =>
  async ({ tx, actor, collection, writes, previous }) => {
    if (collection !== 'ticket_events') return;
    const replies = writes
      .map((doc) => doc as unknown as TicketEvent & { _deleted: boolean })
      .filter((e) => !e._deleted && e.kind === 'reply' && e.fromValue !== INBOUND_REPLY && !previous.has(e.id));
    if (replies.length === 0) return;
    const tickets = await loadDocuments(
      tx,
      'tickets',
      replies.map((e) => e.ticketId),
    );
    for (const reply of replies) {
      const row = tickets.get(reply.ticketId);
      if (!row) continue;
      const ticket = toSyncDocument(row) as unknown as Ticket & { _deleted: boolean };
      if (ticket._deleted) continue;
      const recipient = await callerContact(tx, ticket);
      // No address: the reply stays in the history (the agent sees no "sent" mail for it in the outbox).
      if (!recipient) continue;
      const mail = renderReplyMail({ ticket, callerName: recipient.name, body: reply.body }, recipient.language);
      await queueMail(
        tx,
        { kind: 'ticket-reply', to: recipient.email, ticketId: ticket.id, ...mail },
        { userId: actor.id, perHour },
      );
    }
  };
