import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, net } from 'electron';
import { autoUpdater } from 'electron-updater';
import { logger, updaterLogger } from '../logger.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { createUpdateTick } from './scheduler.js';
import { readUpdateUrl } from './should-check.js';

const FIRST_CHECK_DELAY_MS = 60_000;
const TICK_MS = 60 * 60_000;

function configuredUpdateUrl(): string | null {
  if (!app.isPackaged) return null;
  try {
    return readUpdateUrl(readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8'));
  } catch {
    return null;
  }
}

let listening = false;
function checkForUpdates(): Promise<unknown> {
  if (!listening) {
    listening = true;
    autoUpdater.logger = updaterLogger;
    autoUpdater.autoDownload = true;
    autoUpdater.autoInstallOnAppQuit = true;
    autoUpdater.on('error', (error) => logger.warn('Updater error', error));
    autoUpdater.on('update-downloaded', (info) =>
      logger.info(`Update ${info.version} downloaded; it installs when the app quits`),
    );
  }
  return autoUpdater.checkForUpdates();
}

/**
 * Glue: background update checks (electron-updater, generic provider from app-update.yml). The first runs a
 * minute after startup, then the gate is evaluated hourly; it checks at most every 6 hours, online and packaged
 * only. Errors are logged, never shown; the update installs on quit.
 */
export function startUpdateChecks(settings: SettingsStore): void {
  const tick = createUpdateTick({
    isPackaged: app.isPackaged,
    configuredUrl: configuredUpdateUrl(),
    isOnline: () => net.isOnline(),
    now: () => Date.now(),
    readLastCheckAt: async () => (await settings.read()).lastUpdateCheckAt,
    writeLastCheckAt: async (at) => void (await settings.update({ lastUpdateCheckAt: at })),
    checkForUpdates,
    log: (level, message, error) => logger[level](message, ...(error === undefined ? [] : [error])),
  });
  setTimeout(() => void tick(), FIRST_CHECK_DELAY_MS).unref();
  setInterval(() => void tick(), TICK_MS).unref();
}
