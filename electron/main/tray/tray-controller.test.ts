import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { labelsFor } from '../labels.js';
import { createTrayController, trayTooltip, type TrayActions, type TrayView } from './tray-controller.js';

const en = labelsFor('en-CA');

function setup() {
  const view = { tooltip: '', badge: -1, menu: [] as MenuItemConstructorOptions[] };
  const tray: TrayView = {
    setToolTip: (text) => (view.tooltip = text),
    setBadge: (count) => (view.badge = count),
    setMenu: vi.fn((template: MenuItemConstructorOptions[]) => (view.menu = template)),
  };
  const actions: TrayActions = { command: vi.fn(), showWindow: vi.fn(), quit: vi.fn() };
  const controller = createTrayController(tray, actions, 'Service Desk', en);
  const item = (id: string) => view.menu.find((i) => i.id === id);
  const click = (id: string) => (item(id)!.click as () => void)();
  return { view, tray, actions, controller, item, click };
}

describe('trayTooltip', () => {
  it('shows pending changes, unread items and the paused state', () => {
    expect(trayTooltip('Service Desk', { pendingSync: 0, unread: 0, syncPaused: false }, en)).toBe('Service Desk: up to date');
    expect(trayTooltip('Service Desk', { pendingSync: 1, unread: 4, syncPaused: true }, en)).toBe(
      'Service Desk: 1 change waiting to sync, 4 unread, sync paused',
    );
    expect(trayTooltip('Service Desk', { pendingSync: 3, unread: 0, syncPaused: false }, labelsFor('fr-CA'))).toBe(
      'Service Desk: 3 modifications à synchroniser',
    );
  });
});

describe('createTrayController', () => {
  it('renders counts into the tooltip and the badge', () => {
    const { view, controller } = setup();
    expect(view).toMatchObject({ tooltip: 'Service Desk: up to date', badge: 0 });
    controller.setCounts({ pendingSync: 2, unread: 5 });
    expect(view).toMatchObject({ tooltip: 'Service Desk: 2 changes waiting to sync, 5 unread', badge: 5 });
  });

  it('has Sync now, Pause sync, Show window and Quit', () => {
    const { view, click, actions } = setup();
    expect(view.menu.map((i) => i.label ?? i.type)).toEqual([
      'Sync now',
      'Pause sync (work offline)',
      'separator',
      'Show window',
      'separator',
      'Quit',
    ]);
    click('sync-now');
    click('show-window');
    click('quit');
    expect(actions.command).toHaveBeenCalledWith('sync-now');
    expect(actions.showWindow).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });

  it('flips to Resume sync when paused, from the menu or from the renderer', () => {
    const { click, item, actions, controller } = setup();
    click('pause-sync');
    expect(actions.command).toHaveBeenCalledWith('pause-sync');
    expect(item('resume-sync')).toBeDefined();
    expect(item('sync-now')!.enabled).toBe(false);
    click('resume-sync');
    expect(actions.command).toHaveBeenLastCalledWith('resume-sync');
    expect(item('pause-sync')).toBeDefined();
    controller.setCounts({ pendingSync: 0, unread: 0, syncPaused: true });
    expect(item('resume-sync')).toBeDefined();
    controller.setCounts({ pendingSync: 1, unread: 0 });
    expect(controller.state.syncPaused).toBe(true);
  });

  it('does not rebuild the menu when nothing changed', () => {
    const { tray, controller } = setup();
    controller.setCounts({ pendingSync: 1, unread: 1 });
    controller.setCounts({ pendingSync: 1, unread: 1 });
    expect(tray.setMenu).toHaveBeenCalledTimes(2);
  });
});
