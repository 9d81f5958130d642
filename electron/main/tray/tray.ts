import { app, Menu, nativeImage, Tray } from 'electron';
import type { Labels } from '../labels.js';
import { logger } from '../logger.js';
import { createTrayController, type TrayActions, type TrayController } from './tray-controller.js';

let tray: Tray | null = null; // module-level: a garbage-collected Tray disappears

/** Glue: the tray icon (dist/electron/tray.png, 32x32; 16x16 on macOS) with counts and sync commands. */
export function createDeskTray(iconPath: string, actions: TrayActions, labels: Labels): TrayController {
  try {
    let image = nativeImage.createFromPath(iconPath);
    if (process.platform === 'darwin') image = image.resize({ width: 16, height: 16 });
    tray = new Tray(image);
    tray.on('click', () => actions.showWindow());
  } catch (error) {
    logger.warn('No tray icon on this desktop', error);
    tray = null;
  }
  return createTrayController(
    {
      setToolTip: (text) => tray?.setToolTip(text),
      setMenu: (template) => tray?.setContextMenu(Menu.buildFromTemplate(template)),
      setBadge: (count) => {
        // macOS dock and Linux launchers (Unity API); Windows has no app badge and returns false.
        if (process.platform !== 'win32') app.setBadgeCount(count);
      },
    },
    actions,
    app.name,
    labels,
  );
}
