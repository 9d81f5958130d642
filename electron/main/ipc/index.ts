import { join } from 'node:path';
import { app, ipcMain, net, safeStorage, shell } from 'electron';
import { textFile } from '../file-storage.js';
import { logger, rendererLogger } from '../logger.js';
import { checkServer } from '../connection/check-server.js';
import type { ServerUrlState } from '../connection/server-url.js';
import { createAppInfoHandlers } from './app-info.js';
import type { IpcHandlers } from './channels.js';
import { createDesktopHandlers, type DesktopServices } from './desktop.js';
import { createLinkHandlers } from './links.js';
import { createLogHandlers } from './log.js';
import { registerIpcHandlers } from './register.js';
import { createSecretHandlers, createSecretStore, type SecretStore } from './secrets.js';
import { createServerHandlers } from './connection.js';

export const SECRETS_FILE = 'secrets.json';

/** Glue: the safeStorage-backed secret store in userData/secrets.json. Call after `ready`. */
export function openSecretStore(): SecretStore {
  const file = textFile(join(app.getPath('userData'), SECRETS_FILE));
  return createSecretStore({
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plainText) => safeStorage.encryptString(plainText),
    decrypt: (blob) => safeStorage.decryptString(Buffer.from(blob)),
    readFile: () => file.read(),
    writeFile: (contents) => file.write(contents),
    onError: (message) => logger.warn(message),
  });
}

export interface DeskIpcDeps {
  isAppUrl: (url: string) => boolean;
  secrets: SecretStore;
  serverUrl: ServerUrlState;
  onServerUrlChange: (url: string) => void;
  desktop: Omit<DesktopServices, 'removeSession'>;
}

/** Glue: wires the pure handlers to Electron's ipcMain, shell, net and electron-log. Call after `ready`. */
export function registerDeskIpc(deps: DeskIpcDeps): void {
  const handlers: IpcHandlers = {
    ...createAppInfoHandlers({
      version: app.getVersion(),
      platform: process.platform,
      serverUrl: () => deps.serverUrl.current().url,
    }),
    ...createSecretHandlers(deps.secrets),
    ...createLogHandlers(rendererLogger),
    // Only URLs that externalLinkPolicy accepts (http(s), a host, no credentials; checked in links.ts) get here.
    ...createLinkHandlers((url) => shell.openExternal(url)), // eng-disable OPEN_EXTERNAL_JS_CHECK
    // net.fetch: Chromium's network stack, so the OS proxy settings and certificate store apply, as in the renderer.
    ...createServerHandlers(
      deps.serverUrl,
      (url) => checkServer(url, (input, init) => net.fetch(input, init)),
      deps.onServerUrlChange,
    ),
    ...createDesktopHandlers({ ...deps.desktop, removeSession: () => deps.secrets.remove('session') }),
  };
  registerIpcHandlers(ipcMain, handlers, {
    isTrustedUrl: (url) => deps.isAppUrl(url),
    onRejected: (channel, reason) => logger.warn(`IPC ${channel} rejected: ${reason}`),
  });
}
