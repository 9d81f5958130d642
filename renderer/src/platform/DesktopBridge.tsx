import { isAppRoute } from '@shared/ipc/channels.js';
import type { DeepLink, MenuCommand, TrayCommand } from '@shared/ipc/channels.js';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  findTicketIdByNumber,
  schemaVersions,
  useDb,
  useSyncController,
  useSyncStatus,
  useUnresolvedConflictCount,
} from '../data/index.js';
import { getDesk } from './desk.js';

const MENU_ROUTES: Partial<Record<MenuCommand, string>> = {
  'go-tickets': '/tickets',
  'go-kb': '/kb',
  'go-conflicts': '/conflicts',
};

/**
 * Wires the optional desktop features of `window.desk` (absent in the web build): deep links, notification and menu
 * navigation, tray "sync now", the badge counts and diagnostics export. Renders nothing.
 */
export function DesktopBridge() {
  const desk = getDesk();
  const db = useDb();
  const sync = useSyncController();
  const navigate = useNavigate();
  const status = useSyncStatus();
  const conflicts = useUnresolvedConflictCount();

  useEffect(() => {
    const subs: (() => void)[] = [];
    const go = (route: string) => void navigate(route);
    const openLink = async (link: DeepLink) => {
      if (link.kind === 'kb') return go(`/kb/${encodeURIComponent(link.id)}`);
      const id = await findTicketIdByNumber(db, link.number);
      go(id ? `/tickets/${encodeURIComponent(id)}` : `/tickets?q=${encodeURIComponent(link.number)}`);
    };
    const onMenu = (command: MenuCommand) => {
      const route = MENU_ROUTES[command];
      if (route) go(route);
      if (command === 'export-diagnostics' && desk.exportDiagnostics && sync) {
        const s = sync.getStatus();
        const syncStatus = { pendingSync: s.pendingPush, online: s.online, lastSyncAt: s.lastSyncAt, lastError: s.error };
        void desk.exportDiagnostics({ syncStatus, schemaVersions: schemaVersions(db) });
      }
    };
    const onTray = (command: TrayCommand) => {
      if (command === 'sync-now') sync?.reSync();
    };
    if (desk.onNavigate) subs.push(desk.onNavigate((route) => isAppRoute(route) && go(route)));
    if (desk.onDeepLink) subs.push(desk.onDeepLink((link) => void openLink(link)));
    if (desk.onMenuCommand) subs.push(desk.onMenuCommand(onMenu));
    if (desk.onTrayCommand) subs.push(desk.onTrayCommand(onTray));
    return () => subs.forEach((unsubscribe) => unsubscribe());
  }, [desk, db, sync, navigate]);

  useEffect(() => {
    if (desk.setCounts) void desk.setCounts({ pendingSync: status.pendingPush, unread: conflicts }).catch(() => undefined);
  }, [desk, status.pendingPush, conflicts]);

  return null;
}
