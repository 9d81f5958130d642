import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, Notification, session } from 'electron';
import type { MenuCommand } from '@shared/ipc/contract.js';
import { ConfigError, resolveConfig, userDataDirFromArgv, type ShellConfig } from './config.js';
import { installDeepLinks, registerProtocolClient } from './deep-links/install.js';
import { exportDiagnostics } from './diagnostics/export.js';
import { electronDiagnosticsDeps } from './diagnostics/glue.js';
import { createEventOutbox, type EventOutbox } from './events/outbox.js';
import { textFile } from './file-storage.js';
import { openSecretStore, registerDeskIpc } from './ipc/index.js';
import { labelsFor } from './labels.js';
import { catchUnhandledErrors, logger } from './logger.js';
import { buildMenuTemplate } from './menu.js';
import { electronPrintPdfDeps } from './reports/glue.js';
import { printToPdf } from './reports/print-pdf.js';
import { createNotifier } from './notifications/notifier.js';
import { isAppUrl } from './security/app-location.js';
import { buildCsp, installCsp } from './security/csp.js';
import { hardenWebContents } from './security/harden-web-contents.js';
import { installPermissionHandlers } from './security/permissions.js';
import { createServerUrlState } from './connection/server-url.js';
import { createSettingsStore } from './settings/settings-store.js';
import { configureSpellChecker, installContextMenu } from './spellcheck-glue.js';
import { createDeskTray } from './tray/tray.js';
import { startUpdateChecks } from './updates/updater.js';
import { createMainWindow } from './windows/main-window.js';
import { createWindowManager, type WindowManager } from './windows/window-manager.js';

/** Same as `appId` in electron-builder.yml: Windows notifications need it. */
const APP_USER_MODEL_ID = 'org.example.servicedesk';
/** Storages wiped by desk.clearLocalData() (logout with wipe): the RxDB database lives in IndexedDB. */
const WIPED_STORAGES = ['indexdb', 'localstorage', 'cachestorage', 'serviceworkers', 'cookies'] as const;

// Must happen before `ready` and before the single-instance lock, which is keyed on userData.
const userDataDir = userDataDirFromArgv(process.argv);
if (userDataDir) app.setPath('userData', userDataDir);
app.enableSandbox();
catchUnhandledErrors();
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

function loadConfig(): ShellConfig | null {
  try {
    return resolveConfig(process.env, {
      isPackaged: app.isPackaged,
      rendererIndexPath: join(__dirname, '..', 'renderer', 'index.html'),
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    dialog.showErrorBox('Service Desk cannot start', error.message);
    return null;
  }
}

async function onReady(config: ShellConfig, windows: WindowManager, outbox: EventOutbox): Promise<void> {
  const appUrl = (url: string) => isAppUrl(url, config.renderer);
  const labels = labelsFor(app.getLocale());
  const showWindow = () => void windows.show();
  const userData = app.getPath('userData');
  const settingsFile = textFile(join(userData, 'settings.json'));
  const settings = createSettingsStore({
    readFile: () => settingsFile.read(),
    writeFile: (contents) => settingsFile.write(contents),
    onError: (message) => logger.warn(message),
  });
  const serverUrl = createServerUrlState(config, settings);
  const devServerOrigin = config.renderer.kind === 'dev' ? config.renderer.origin : undefined;
  const cspFor = (url: string) => buildCsp({ serverOrigin: new URL(url).origin, devServerOrigin });
  // An unreadable settings.json must not stop the app: the env or default URL applies.
  await serverUrl.load().catch((error: unknown) => logger.warn('Could not read settings.json', error));
  let csp = cspFor(serverUrl.current().url);

  installCsp(session.defaultSession.webRequest, () => csp, appUrl);
  installPermissionHandlers(session.defaultSession, appUrl);
  configureSpellChecker(session.defaultSession);
  const tray = createDeskTray(
    join(__dirname, 'tray.png'),
    { command: (c) => outbox.emit('tray:command', c), showWindow, quit: () => app.quit() },
    labels,
  );
  const notifier = createNotifier({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification({ ...options, icon: join(__dirname, 'icon.png') }),
    open: (route) => {
      showWindow();
      outbox.emit('app:navigate', route);
    },
    onError: (message) => logger.warn(message),
  });
  const diagnostics = electronDiagnosticsDeps(() => windows.current());
  registerDeskIpc({
    isAppUrl: appUrl,
    secrets: openSecretStore(),
    serverUrl,
    onServerUrlChange: (url) => {
      csp = cspFor(url);
      logger.info(`Server URL set to ${url}; it applies when the window reloads`);
    },
    desktop: {
      outbox,
      notify: (request) => {
        if (!notifier.show(request)) logger.info('Notifications are not supported here');
      },
      setCounts: (counts) => tray.setCounts(counts),
      exportDiagnostics: (info) => exportDiagnostics(info, diagnostics),
      printToPdf: (request) =>
        printToPdf(
          request,
          electronPrintPdfDeps(() => windows.current()),
        ),
      clearStorage: async () => {
        await session.defaultSession.clearStorageData({ storages: [...WIPED_STORAGES] });
        await session.defaultSession.clearCache();
        logger.info('Local data cleared');
      },
    },
  });
  const onCommand = (command: MenuCommand) => {
    showWindow();
    outbox.emit('menu:command', command);
  };
  const isMac = process.platform === 'darwin';
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ isMac, appName: app.name, isDev: config.isDev, labels, onCommand })),
  );
  registerProtocolClient();
  showWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  startUpdateChecks(settings);
  logger.info(`Service Desk ${app.getVersion()} started; server ${serverUrl.current().url} (${serverUrl.current().source})`);
}

function start(config: ShellConfig): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const windows: WindowManager = createWindowManager(() =>
    createMainWindow(config, { stateFile, iconPath: join(__dirname, 'icon.png'), onPageGone: () => outbox.reset() }),
  );
  const outbox = createEventOutbox(windows.send);
  // Before `ready`: macOS delivers the launching link early, and argv links must be buffered for the renderer.
  installDeepLinks(outbox, () => void windows.show());
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, config.renderer);
    installContextMenu(contents, () => labelsFor(app.getLocale()));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => onReady(config, windows, outbox))
    .catch((error: unknown) => {
      logger.error('Startup failed', error);
      app.exit(1);
    });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const config = loadConfig();
  if (config) start(config);
  else app.exit(1);
}
