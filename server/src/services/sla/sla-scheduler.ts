import { SYSTEM_AUTHOR_ID, slaActionBody, type TicketEvent } from '@shared';
import type { Database } from '../../db/database.js';
import { takeDueSlaActions, type SlaDueRow } from '../../db/queries/sla-due.js';
import { queueMail } from '../mail/mail-queue.js';
import type { SyncDocument } from '../sync/document-validation.js';
import { writeServerDocuments } from '../sync/server-writes.js';

/** The ticket's history entry of a fired action: its id derives from the action's, so it is written once. */
function slaActionEvent(action: SlaDueRow & { id: number }, notified: number): SyncDocument {
  const event: TicketEvent = {
    id: `sla-action-${action.id}`,
    ticketId: action.ticketId,
    kind: 'sla_action',
    authorId: SYSTEM_AUTHOR_ID,
    occurredAt: Date.now(),
    body: slaActionBody({ clock: action.clock, percent: action.percent, notified }),
    minutes: 0,
    fromValue: '',
    toValue: '',
  };
  return { ...event, _deleted: false };
}

/**
 * One pass of the authoritative SLA scheduler: fires every action that is due, each in the transaction that
 * queues its e-mail through the outbox and records it in the ticket's history (an `sla_action` event), so an action is fired exactly once across instances (and never without
 * its notification). Returns how many this instance fired.
 */
export async function runSlaSchedulerPass(db: Database, instance: string, batch = 100): Promise<number> {
  let fired = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const due = await takeDueSlaActions(tx, instance, batch);
      const events: SyncDocument[] = [];
      for (const action of due) {
        const recipients = action.recipient
          .split(',')
          .map((address) => address.trim())
          .filter(Boolean);
        events.push(slaActionEvent(action, recipients.length));
        // One message per person: the outbox holds any message whose recipient is not exactly one address.
        for (const to of recipients)
          await queueMail(tx, {
            kind: 'sla-warning',
            to,
            subject: action.subject,
            // The update clock's key names its cycle (`update@<start>`); the reader needs only the clock.
            text: `${action.subject}\n\nTicket ${action.ticketId}: ${action.clock.split('@')[0]} clock reached ${action.percent} % of its target.`,
            ticketId: action.ticketId,
          });
      }
      await writeServerDocuments(tx, 'ticket_events', events);
      return due.length;
    });
    fired += count;
    if (count < batch) return fired;
  }
}
