import { approvalBoardGroupId, asksForApproval, isEmailAddress, type Ticket } from '@shared';
import type { Transaction } from '../../db/database.js';
import { loadChangeBoards } from '../sync/write-checks.js';
import { usersByIds } from '../../db/queries/directory.js';
import { queueMail } from '../mail/mail-queue.js';
import type { PushEffect } from '../sync/push-effects.js';
import { renderApprovalRequest } from './approval-mail-template.js';

/**
 * E-mails the members of a change's board (CAB or emergency CAB, but never the requester) when their decision is
 * asked, queued in the push's transaction through the outbox, in each member's directory language, against the
 * pusher's hourly allowance. The desk shows the same request in the approver's queue; this is for the ones away.
 */
export function mailApprovalRequests(publicUrl: () => string, perHour: number): PushEffect {
  return async ({ tx, actor, collection, writes, previous }) => {
    if (collection !== 'tickets') return;
    const asks = writes.flatMap((doc) => {
      const before = previous.get(doc.id);
      const reason = asksForApproval(
        doc as unknown as Ticket,
        before && !before._deleted ? (before as unknown as Ticket) : undefined,
      );
      return reason && !doc._deleted ? [{ change: doc as unknown as Ticket, reason }] : [];
    });
    if (asks.length === 0) return;
    await mailBoards(tx, asks, actor.id, publicUrl, perHour);
  };
}

async function mailBoards(
  tx: Transaction,
  asks: readonly { change: Ticket; reason: 'new' | 'again' }[],
  actorId: string,
  publicUrl: () => string,
  perHour: number,
): Promise<void> {
  const boards = await loadChangeBoards(tx);
  for (const { change, reason } of asks) {
    const ids = [...boards.membersOf(approvalBoardGroupId(change, boards.settings))].filter((id) => id !== change.callerId);
    const link = `${publicUrl()}/#/tickets/${encodeURIComponent(change.id)}`;
    for (const user of await usersByIds(tx, ids)) {
      const to = typeof user.email === 'string' ? user.email.trim() : '';
      if (!isEmailAddress(to)) continue;
      const mail = renderApprovalRequest({ change, reason, link, language: user.locale === 'fr' ? 'fr' : 'en' });
      await queueMail(tx, { kind: 'change-approval', to, ticketId: change.id, ...mail }, { userId: actorId, perHour });
    }
  }
}
