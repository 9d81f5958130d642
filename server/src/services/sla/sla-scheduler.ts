import type { Database } from '../../db/database.js';
import { queueMail } from '../mail/mail-queue.js';
import { takeDueSlaActions } from '../../db/queries/sla-due.js';

/**
 * One pass of the authoritative SLA scheduler: fires every action that is due, each in the transaction that
 * queues its e-mail through the outbox, so an action is fired exactly once across instances (and never without
 * its notification). Returns how many this instance fired.
 */
export async function runSlaSchedulerPass(db: Database, instance: string, batch = 100): Promise<number> {
  let fired = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const due = await takeDueSlaActions(tx, instance, batch);
      for (const action of due) {
        // One message per person: the outbox holds any message whose recipient is not exactly one address.
        for (const to of action.recipient
          .split(',')
          .map((address) => address.trim())
          .filter(Boolean))
          await queueMail(tx, {
            kind: 'sla-warning',
            to,
            subject: action.subject,
            // The update clock's key names its cycle (`update@<start>`); the reader needs only the clock.
            text: `${action.subject}\n\nTicket ${action.ticketId}: ${action.clock.split('@')[0]} clock reached ${action.percent} % of its target.`,
            ticketId: action.ticketId,
          });
      }
      return due.length;
    });
    fired += count;
    if (count < batch) return fired;
  }
}
