import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu.js';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

describe('buildMenuTemplate', () => {
  it('has standard Edit, View and Window menus', () => {
    const menu = buildMenuTemplate({ isMac: false, appName: 'Service Desk', isDev: false });
    expect(menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window']);
    expect(roles(menu)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'minimize', 'close', 'quit']),
    );
  });

  it('has no reload or developer tools in production', () => {
    expect(roles(buildMenuTemplate({ isMac: false, appName: 'x', isDev: false }))).not.toEqual(
      expect.arrayContaining(['toggleDevTools']),
    );
    expect(roles(buildMenuTemplate({ isMac: false, appName: 'x', isDev: false }))).not.toContain('reload');
    expect(roles(buildMenuTemplate({ isMac: false, appName: 'x', isDev: true }))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });

  it('adds the application menu on macOS', () => {
    const menu = buildMenuTemplate({ isMac: true, appName: 'Service Desk', isDev: false });
    expect(menu[0].label).toBe('Service Desk');
    expect(roles(menu)).toEqual(expect.arrayContaining(['about', 'hide', 'quit', 'front']));
  });
});
