import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { ShellConfig } from '../config.js';
import { logger } from '../logger.js';

/** Glue: the single app window. Security-relevant handlers are attached in hardenWebContents. */
export function createMainWindow(config: ShellConfig): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      // Bundled next to main.cjs by electron/build.mjs.
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(config.rendererEntry).catch((error: unknown) => logger.error(`Could not load ${config.rendererEntry}`, error));
  return window;
}
