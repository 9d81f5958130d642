import type { MenuItemConstructorOptions } from 'electron';
import { MENU_SHORTCUTS, type MenuCommand } from '@shared/ipc/contract.js';
import type { Labels } from './labels.js';

export interface MenuOptions {
  isMac: boolean;
  appName: string;
  /** Reload and developer tools only when developing. */
  isDev: boolean;
  labels: Labels;
  /** App commands go to the renderer (desk.onMenuCommand). */
  onCommand: (command: MenuCommand) => void;
}

/** App (macOS), File, Edit, View, Go, Window, Help. Build it with Menu.buildFromTemplate. */
export function buildMenuTemplate({ isMac, appName, isDev, labels, onCommand }: MenuOptions): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const command = (id: MenuCommand, label: string): MenuItemConstructorOptions => ({
    id,
    label,
    ...(MENU_SHORTCUTS[id] ? { accelerator: MENU_SHORTCUTS[id] } : {}),
    click: () => onCommand(id),
  });
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            sep,
            { role: 'services' },
            sep,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            sep,
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep]
    : [];
  return [
    ...appMenu,
    { label: labels.file, submenu: [command('new-ticket', labels.newTicket), sep, isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, sep, { role: 'togglefullscreen' }],
    },
    {
      label: labels.go,
      submenu: [command('go-tickets', labels.tickets), command('go-kb', labels.kb), command('go-conflicts', labels.conflicts)],
    },
    {
      label: '&Window',
      role: 'window',
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      label: labels.help,
      role: 'help',
      submenu: [command('show-shortcuts', labels.shortcuts), sep, command('export-diagnostics', labels.exportDiagnostics)],
    },
  ];
}
