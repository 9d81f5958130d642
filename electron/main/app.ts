import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import {
  ConfigError,
  DEEP_LINK_SCHEME,
  deepLinkFromArgv,
  resolveConfig,
  userDataDirFromArgv,
  type ShellConfig,
} from './config.js';
import { registerDeskIpc } from './ipc/index.js';
import { catchUnhandledErrors, logger } from './logger.js';
import { buildMenuTemplate } from './menu.js';
import { isAppUrl } from './security/app-location.js';
import { buildCsp, installCsp } from './security/csp.js';
import { hardenWebContents } from './security/harden-web-contents.js';
import { installPermissionHandlers } from './security/permissions.js';
import { createMainWindow } from './windows/main-window.js';

// Must happen before `ready` and before the single-instance lock, which is keyed on userData.
const userDataDir = userDataDirFromArgv(process.argv);
if (userDataDir) app.setPath('userData', userDataDir);
app.enableSandbox();
catchUnhandledErrors();

let mainWindow: BrowserWindow | null = null;

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

function showMainWindow(config: ShellConfig): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(config);
    mainWindow.on('closed', () => (mainWindow = null));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function start(config: ShellConfig): void {
  const appUrl = (url: string) => isAppUrl(url, config.renderer);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, config.renderer));
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkFromArgv(argv);
    if (link) logger.info(`Deep link received: ${link.href}`);
    showMainWindow(config);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    logger.info(`Deep link received: ${url}`);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      const devServerOrigin = config.renderer.kind === 'dev' ? config.renderer.origin : undefined;
      installCsp(session.defaultSession.webRequest, buildCsp({ serverOrigin: config.serverOrigin, devServerOrigin }), appUrl);
      installPermissionHandlers(session.defaultSession, appUrl);
      registerDeskIpc({ serverUrl: config.serverUrl, isAppUrl: appUrl });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({ isMac: process.platform === 'darwin', appName: app.name, isDev: config.isDev }),
        ),
      );
      if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
      showMainWindow(config);
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) showMainWindow(config);
      });
      logger.info(`Service Desk ${app.getVersion()} started; server ${config.serverUrl}`);
    })
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
