import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { ShellConfig } from '../config.js';
import { logger } from '../logger.js';
import { loadWindowPlacement, trackWindowState, WINDOW_DEFAULTS } from './window-state-file.js';

export interface MainWindowOptions {
  /** userData/window-state.json */
  stateFile: string;
  /** Linux window icon (dist/electron/icon.png); Windows and macOS take it from the executable. */
  iconPath?: string;
  /** The page is (re)loading: main -> renderer events must wait for it to subscribe again. */
  onPageGone(): void;
}

/** Glue: the single app window. Security-relevant handlers are attached in hardenWebContents. */
export function createMainWindow(config: ShellConfig, options: MainWindowOptions): BrowserWindow {
  const placement = loadWindowPlacement(options.stateFile);
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: WINDOW_DEFAULTS.min.width,
    minHeight: WINDOW_DEFAULTS.min.height,
    show: false,
    backgroundColor: '#ffffff',
    ...(options.iconPath && process.platform === 'linux' ? { icon: options.iconPath } : {}),
    webPreferences: {
      // Bundled next to main.cjs by electron/build.mjs. Sandboxed and context-isolated: it exposes one typed object
      // (shared/src/ipc/contract.ts) through contextBridge, never ipcRenderer; the main process validates every call.
      preload: join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK
      // Middle-click would open links in new windows past the window-open handler's intent: off.
      disableBlinkFeatures: 'Auxclick',
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
  if (placement.isMaximized) window.maximize();
  trackWindowState(window, options.stateFile);
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) options.onPageGone();
  });
  window.webContents.on('render-process-gone', () => options.onPageGone());
  window.on('closed', () => options.onPageGone());
  window.once('ready-to-show', () => window.show());
  window.loadURL(config.rendererEntry).catch((error: unknown) => logger.error(`Could not load ${config.rendererEntry}`, error));
  return window;
}
