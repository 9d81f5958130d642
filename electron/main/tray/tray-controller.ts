import type { MenuItemConstructorOptions } from 'electron';
import type { DeskCounts, TrayCommand } from '@shared/ipc/contract.js';
import type { Labels } from '../labels.js';

export interface TrayState {
  pendingSync: number;
  unread: number;
  syncPaused: boolean;
}

export interface TrayView {
  setToolTip(text: string): void;
  setMenu(template: MenuItemConstructorOptions[]): void;
  /** app.setBadgeCount where supported (macOS dock, Linux launchers); a no-op elsewhere. */
  setBadge(count: number): void;
}

export interface TrayActions {
  command(command: TrayCommand): void;
  showWindow(): void;
  quit(): void;
}

export function trayTooltip(appName: string, state: TrayState, labels: Labels): string {
  const parts = [
    state.pendingSync > 0 ? labels.pending(state.pendingSync) : labels.upToDate,
    ...(state.unread > 0 ? [labels.unread(state.unread)] : []),
    ...(state.syncPaused ? [labels.syncPaused] : []),
  ];
  return `${appName}: ${parts.join(', ')}`;
}

/** The badge counts what needs the user: unread items (pending sync is shown in the tooltip). */
export function badgeCount(state: TrayState): number {
  return state.unread;
}

export function buildTrayMenuTemplate(state: TrayState, actions: TrayActions, labels: Labels): MenuItemConstructorOptions[] {
  return [
    { id: 'sync-now', label: labels.syncNow, enabled: !state.syncPaused, click: () => actions.command('sync-now') },
    state.syncPaused
      ? { id: 'resume-sync', label: labels.resumeSync, click: () => actions.command('resume-sync') }
      : { id: 'pause-sync', label: labels.pauseSync, click: () => actions.command('pause-sync') },
    { type: 'separator' },
    { id: 'show-window', label: labels.showWindow, click: () => actions.showWindow() },
    { type: 'separator' },
    { id: 'quit', label: labels.quit, click: () => actions.quit() },
  ];
}

export interface TrayController {
  setCounts(counts: DeskCounts): void;
  readonly state: TrayState;
}

/** Keeps the tray and badge in step with the renderer's counts; pausing flips the menu at once. */
export function createTrayController(view: TrayView, actions: TrayActions, appName: string, labels: Labels): TrayController {
  let state: TrayState = { pendingSync: 0, unread: 0, syncPaused: false };
  const render = () => {
    view.setToolTip(trayTooltip(appName, state, labels));
    view.setBadge(badgeCount(state));
    view.setMenu(buildTrayMenuTemplate(state, clickActions, labels));
  };
  const clickActions: TrayActions = {
    ...actions,
    command(command) {
      if (command !== 'sync-now') {
        state = { ...state, syncPaused: command === 'pause-sync' };
        render();
      }
      actions.command(command);
    },
  };
  render();
  return {
    get state() {
      return state;
    },
    setCounts({ pendingSync, unread, syncPaused }) {
      const next = { pendingSync, unread, syncPaused: syncPaused ?? state.syncPaused };
      if (next.pendingSync === state.pendingSync && next.unread === state.unread && next.syncPaused === state.syncPaused) return;
      state = next;
      render();
    },
  };
}
