import { notifications } from '@mantine/notifications';
import type { MenuCommand, TrayCommand } from '@shared/ipc/channels.js';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CREATE_TICKET_ROUTE } from '../app/routes.js';
import { useSyncControl } from '../app/sync-control.js';
import {
  findTicketIdByNumber,
  schemaVersions,
  useDb,
  useSyncController,
  useSyncStatus,
  useUnresolvedConflictCount,
} from '../data/index.js';
import type { SyncController } from '../data/index.js';
import { routeForDestination } from './deep-link-route.js';
import type { DeskDestination } from './deep-link-route.js';
import type { DeskTarget } from './desk-hub.js';
import { getDesk } from './desk.js';
import { diagnosticsInfo, exportDiagnosticsWithFeedback } from './diagnostics.js';
import { useDeskHub } from './DeskHubProvider.js';

const MENU_ROUTES: Partial<Record<MenuCommand, string>> = {
  'go-tickets': '/tickets',
  'go-kb': '/kb',
  'go-conflicts': '/conflicts',
};

/** How long a ticket link waits for the first download before falling back to a queue search. */
const INITIAL_SYNC_WAIT_MS = 30_000;

function waitForInitialSync(sync: SyncController | null): Promise<void> {
  if (!sync?.getStatus().initialSync.running) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, INITIAL_SYNC_WAIT_MS);
    void sync.awaitInitialPull().finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * The signed-in side of the desktop contract (inside the router and the data provider; renders nothing): opens deep
 * links and clicked notifications (also those that arrived before sign-in), runs Go/File/Help menu commands, the
 * tray's sync now / pause / resume, and reports the badge counts (debounced). In the web build only the counts
 * (page title) apply.
 */
export function DesktopBridge() {
  const desk = getDesk();
  const db = useDb();
  const sync = useSyncController();
  const control = useSyncControl();
  const navigate = useNavigate();
  const status = useSyncStatus();
  const conflicts = useUnresolvedConflictCount();
  const { hub } = useDeskHub();
  const { t } = useTranslation();
  const target = useRef<DeskTarget | null>(null);

  // The latest closures, read by the stable target attached below (attaching again would drop nothing, but would
  // briefly report signed-out counts).
  useEffect(() => {
    const open = (destination: DeskDestination) => {
      void routeForDestination(destination, {
        findTicketIdByNumber: (number) => findTicketIdByNumber(db, number),
        waitForInitialSync: () => waitForInitialSync(sync),
      }).then((decision) => {
        if (!decision) return;
        void navigate(decision.route);
        if (decision.missingTicket)
          notifications.show({ color: 'yellow', message: t('desk.ticketNotHere', { number: decision.missingTicket }) });
      });
    };
    const menu = (command: MenuCommand): boolean => {
      const route = MENU_ROUTES[command];
      if (route) {
        void navigate(route);
        return true;
      }
      if (command === 'new-ticket') {
        void navigate(CREATE_TICKET_ROUTE);
        return true;
      }
      if (command === 'export-diagnostics') {
        const info = diagnosticsInfo(sync?.getStatus() ?? null, conflicts, schemaVersions(db));
        void exportDiagnosticsWithFeedback(desk, info, t);
        return true;
      }
      return false;
    };
    const tray = (command: TrayCommand) => {
      if (command === 'sync-now') sync?.reSync();
      else if (command === 'pause-sync') void control.pause();
      else void control.resume();
    };
    target.current = { open, menu, tray };
  });

  useEffect(
    () =>
      hub.attach({
        open: (destination) => target.current?.open(destination),
        menu: (command) => target.current?.menu(command) ?? false,
        tray: (command) => target.current?.tray(command),
      }),
    [hub],
  );

  useEffect(() => {
    hub.reportCounts({ pendingSync: status.pendingPush, unread: conflicts, syncPaused: status.paused });
  }, [hub, status.pendingPush, status.paused, conflicts]);

  return null;
}
