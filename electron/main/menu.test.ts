import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '@shared/ipc/contract.js';
import { labelsFor } from './labels.js';
import { buildMenuTemplate, type MenuOptions } from './menu.js';

const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flat(item.submenu) : [])]);
const roles = (items: MenuItemConstructorOptions[]) => flat(items).flatMap((item) => (item.role ? [item.role] : []));
const options = (overrides: Partial<MenuOptions> = {}): MenuOptions => ({
  isMac: false,
  appName: 'Service Desk',
  isDev: false,
  labels: labelsFor('en-CA'),
  onCommand: vi.fn(),
  ...overrides,
});

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Go, Window and Help menus', () => {
    const menu = buildMenuTemplate(options());
    expect(menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Go', '&Window', '&Help']);
    expect(roles(menu)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'minimize', 'close', 'quit']),
    );
  });

  it('sends every app command to the renderer, with the shared shortcuts', () => {
    const opts = options();
    const items = flat(buildMenuTemplate(opts)).filter((item) => item.id);
    expect(items.map((item) => item.id).sort()).toEqual([...MENU_COMMANDS].sort());
    for (const item of items) (item.click as () => void)();
    expect(
      vi
        .mocked(opts.onCommand)
        .mock.calls.map(([c]) => c)
        .sort(),
    ).toEqual([...MENU_COMMANDS].sort());
    const accelerators = Object.fromEntries(items.map((item): [string, unknown] => [String(item.id), item.accelerator]));
    expect(accelerators).toMatchObject({
      'new-ticket': 'CmdOrCtrl+Alt+N',
      'go-tickets': 'CmdOrCtrl+1',
      'show-shortcuts': 'CmdOrCtrl+/',
    });
    expect(accelerators['export-diagnostics']).toBeUndefined();
  });

  it('never binds shortcuts the browser or the OS owns, nor the same one twice', () => {
    const accelerators = flat(buildMenuTemplate(options())).flatMap((item) =>
      item.accelerator ? [String(item.accelerator)] : [],
    );
    expect(new Set(accelerators).size).toBe(accelerators.length);
    for (const reserved of ['CmdOrCtrl+N', 'CmdOrCtrl+T', 'CmdOrCtrl+W', 'CmdOrCtrl+Q', 'CmdOrCtrl+R', 'CmdOrCtrl+L'])
      expect(accelerators).not.toContain(reserved);
  });

  it('has no reload or developer tools in production', () => {
    expect(roles(buildMenuTemplate(options()))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate(options()))).not.toContain('reload');
    expect(roles(buildMenuTemplate(options({ isDev: true })))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('adds the application menu on macOS', () => {
    const menu = buildMenuTemplate(options({ isMac: true }));
    expect(menu[0].label).toBe('Service Desk');
    expect(roles(menu)).toEqual(expect.arrayContaining(['about', 'hide', 'quit', 'front', 'help']));
  });

  it('speaks French to French systems', () => {
    const menu = buildMenuTemplate(options({ labels: labelsFor('fr-CA') }));
    expect(flat(menu).find((item) => item.id === 'new-ticket')?.label).toBe('Nouveau billet');
  });
});
