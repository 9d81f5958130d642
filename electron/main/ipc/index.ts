import { join } from 'node:path';
import { app, ipcMain, safeStorage, shell } from 'electron';
import { textFile } from '../file-storage.js';
import { logger } from '../logger.js';
import { createAppInfoHandlers } from './app-info.js';
import type { IpcHandlers } from './channels.js';
import { createLinkHandlers } from './links.js';
import { createLogHandlers } from './log.js';
import { registerIpcHandlers } from './register.js';
import { createSecretHandlers, createSecretStore } from './secrets.js';

export const SECRETS_FILE = 'secrets.json';

/** Glue: wires the pure handlers to Electron's ipcMain, safeStorage, shell and electron-log. Call after `ready`. */
export function registerDeskIpc(options: { serverUrl: string; isAppUrl(url: string): boolean }): void {
  const file = textFile(join(app.getPath('userData'), SECRETS_FILE));
  const store = createSecretStore({
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plainText) => safeStorage.encryptString(plainText),
    decrypt: (blob) => safeStorage.decryptString(Buffer.from(blob)),
    readFile: () => file.read(),
    writeFile: (contents) => file.write(contents),
    onError: (message) => logger.warn(message),
  });
  const handlers: IpcHandlers = {
    ...createAppInfoHandlers({ version: app.getVersion(), platform: process.platform, serverUrl: options.serverUrl }),
    ...createSecretHandlers(store),
    ...createLogHandlers(logger),
    ...createLinkHandlers((url) => shell.openExternal(url)),
  };
  registerIpcHandlers(ipcMain, handlers, {
    isTrustedUrl: (url) => options.isAppUrl(url),
    onRejected: (channel, reason) => logger.warn(`IPC ${channel} rejected: ${reason}`),
  });
}
