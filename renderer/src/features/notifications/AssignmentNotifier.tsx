import { asksForApproval } from '@shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import {
  loadChangeBoards,
  ticketsById,
  updateNotificationEntries,
  useDb,
  useSyncController,
  watchIncomingEvents,
  watchIncomingTickets,
} from '../../data/index.js';
import type { NotificationEntry, SyncController } from '../../data/index.js';
import { getDesk } from '../../platform/desk.js';
import { assignmentNotifications, newlyAssignedToMe } from './assignment-notices.js';
import { approvalRequestsForMe } from './approval-notices.js';
import { addEntries, eventEntry, eventNoticesForMe, idsOf, ticketEntry, watchedUpdatesForMe } from './notification-centre.js';

/**
 * Tells the signed-in user when replication brings a ticket newly assigned to them by someone else, or a change whose
 * board asks for their decision (not during the first download): a native notification on the desktop (clicking it
 * opens the ticket), an in-page one on the web. Every notice, and the quieter ones (a watched ticket changed by
 * someone else, an @mention) and the SLA warnings the desk sent the user, is also kept in the notification centre
 * on this device. Renders nothing.
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
    const desk = getDesk();
    const notify = (requests: ReturnType<typeof assignmentNotifications>) => {
      for (const request of requests)
        void desk.notify(request).catch((err: unknown) => desk.log('warn', `Notification not shown: ${String(err)}`));
    };
    const warn = (err: unknown) => void desk.log('warn', `Notification centre not updated: ${String(err)}`);
    const record = (entries: NotificationEntry[]) => {
      if (entries.length > 0) void updateNotificationEntries(db, user.id, (kept) => addEntries(kept, entries)).catch(warn);
    };
    const isFirstSync = () => {
      const current = syncRef.current;
      return !current || current.getStatus().initialSync.running;
    };
    const stopTickets = watchIncomingTickets(db, (changes) => {
      const firstSync = isFirstSync();
      const ctx = { userId: user.id, firstSync };
      const assigned = newlyAssignedToMe(changes, ctx);
      notify(
        assignmentNotifications(assigned, {
          one: ({ number }) => t('notify.assignedOne', { number }),
          many: (n) => t('notify.assignedMany', { n }),
        }),
      );
      record([
        ...assigned.map((ticket) => ticketEntry('assigned', ticket)),
        ...watchedUpdatesForMe(changes, ctx, idsOf(assigned)).map((ticket) => ticketEntry('watched', ticket)),
      ]);
      // Boards are read only when a change asks for a decision: every page mounts this, and changes are rare.
      if (firstSync || !changes.some((c) => asksForApproval(c.current, c.previous))) return;
      void loadChangeBoards(db).then((boards) => {
        const asked = approvalRequestsForMe(changes, { ...ctx, boards });
        notify(
          assignmentNotifications(asked, {
            one: ({ number }) => t('notify.approvalOne', { number }),
            many: (n) => t('notify.approvalMany', { n }),
          }),
        );
        record(asked.map((ticket) => ticketEntry('approval', ticket)));
      });
    });
    // SLA warnings sent to the user, mentions and comments on watched tickets go to the centre.
    const stopEvents = watchIncomingEvents(db, (events) => {
      if (isFirstSync()) return;
      void ticketsById(
        db,
        events.map((e) => e.ticketId),
      ).then((tickets) => {
        const ctx = { userId: user.id, firstSync: false, name: user.name, email: user.email };
        const notices = eventNoticesForMe(events, ctx, (id) => (tickets.get(id)?.watcherIds ?? []).includes(user.id));
        // An SLA warning is also a desktop notice, as the e-mail it mirrors is urgent; the quieter kinds are not.
        const warned = new Map(
          notices.flatMap((notice) => {
            const ticket = tickets.get(notice.event.ticketId);
            return notice.kind === 'sla' && ticket ? [[ticket.id, ticket] as const] : [];
          }),
        );
        notify(
          assignmentNotifications([...warned.values()], {
            one: ({ number }) => t('notify.slaOne', { number }),
            many: (n) => t('notify.slaMany', { n }),
          }),
        );
        record(
          notices.flatMap((notice) => {
            const ticket = tickets.get(notice.event.ticketId);
            // An event whose ticket this device does not hold has nothing to open.
            return ticket ? [eventEntry(notice, ticket)] : [];
          }),
        );
      }, warn);
    });
    return () => {
      stopTickets();
      stopEvents();
    };
  }, [db, user.id, user.name, user.email, t]);
  return null;
}
