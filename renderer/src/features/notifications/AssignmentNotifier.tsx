import { asksForApproval } from '@shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { loadChangeBoards, useDb, useSyncController, watchIncomingTickets } from '../../data/index.js';
import type { SyncController } from '../../data/index.js';
import { getDesk } from '../../platform/desk.js';
import { assignmentNotifications, newlyAssignedToMe } from './assignment-notices.js';
import { approvalRequestsForMe } from './approval-notices.js';

/**
 * Tells the signed-in user when replication brings a ticket newly assigned to them by someone else, or a change whose
 * board asks for their decision (not during the first download): a native notification on the desktop (clicking it
 * opens the ticket), an in-page one on the web. Renders nothing.
 */
export function AssignmentNotifier() {
  const db = useDb();
  const sync = useSyncController();
  const user = useCurrentUser();
  const { t } = useTranslation();
  const syncRef = useRef<SyncController | null>(sync);
  useEffect(() => {
    syncRef.current = sync;
  }, [sync]);

  useEffect(() => {
    const notify = (requests: ReturnType<typeof assignmentNotifications>) => {
      const desk = getDesk();
      for (const request of requests)
        void desk.notify(request).catch((err: unknown) => desk.log('warn', `Notification not shown: ${String(err)}`));
    };
    return watchIncomingTickets(db, (changes) => {
      const current = syncRef.current;
      const firstSync = !current || current.getStatus().initialSync.running;
      notify(
        assignmentNotifications(newlyAssignedToMe(changes, { userId: user.id, firstSync }), {
          one: ({ number }) => t('notify.assignedOne', { number }),
          many: (n) => t('notify.assignedMany', { n }),
        }),
      );
      // Boards are read only when a change asks for a decision: every page mounts this, and changes are rare.
      if (firstSync || !changes.some((c) => asksForApproval(c.current, c.previous))) return;
      void loadChangeBoards(db).then((boards) =>
        notify(
          assignmentNotifications(approvalRequestsForMe(changes, { userId: user.id, firstSync, boards }), {
            one: ({ number }) => t('notify.approvalOne', { number }),
            many: (n) => t('notify.approvalMany', { n }),
          }),
        ),
      );
    });
  }, [db, user.id, t]);
  return null;
}
