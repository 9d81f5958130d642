/**
 * The Electron preload contract without its validators, so the sandboxed preload can import it without zod.
 * Channels are named `domain:verb`. Desktop-only types live in ./desktop.ts.
 */
import type {
  DeepLink,
  DeskCounts,
  DiagnosticsInfo,
  ExportDiagnosticsResult,
  PrintToPdfRequest,
  PrintToPdfResult,
  MenuCommand,
  NotifyRequest,
  ServerCheckResult,
  ServerUrlSetting,
  TrayCommand,
  Unsubscribe,
} from './desktop.js';

export * from './desktop.js';

/** What every build (desktop and web) provides. */
export interface DeskCoreApi {
  /** True inside the Electron shell. */
  readonly isDesktop: boolean;
  appInfo(): Promise<AppInfo>;
  /** Secret storage (OS keychain through safeStorage on the desktop). */
  secrets: {
    get(key: SecretKey): Promise<string | null>;
    set(key: SecretKey, value: string): Promise<void>;
    remove(key: SecretKey): Promise<void>;
  };
  log(level: LogLevel, message: string): Promise<void>;
  openExternal(url: string): Promise<void>;
}

/**
 * What the Electron preload adds. On DeskApi, the methods the web build also implements (DESK_WEB_FALLBACKS) are
 * required; the others stay optional: feature-test them (`desk.onDeepLink?.(…)`).
 */
export interface DesktopApi {
  /** servicedesk:// links; links that arrived before the first subscription are delivered on subscribing. */
  onDeepLink(callback: (link: DeepLink) => void): Unsubscribe;
  /** App routes to open (a notification was clicked), e.g. `/tickets/<id>`. */
  onNavigate(callback: (route: string) => void): Unsubscribe;
  onTrayCommand(callback: (command: TrayCommand) => void): Unsubscribe;
  onMenuCommand(callback: (command: MenuCommand) => void): Unsubscribe;
  /** Shows a native notification; clicking it focuses the window and emits `route` through onNavigate. */
  notify(request: NotifyRequest): Promise<void>;
  /** Badge (macOS, Linux launchers) and tray tooltip/menu. */
  setCounts(counts: DeskCounts): Promise<void>;
  /** Asks where to save, then writes a redacted .tar.gz of logs, versions and this info. */
  exportDiagnostics(info: DiagnosticsInfo): Promise<ExportDiagnosticsResult>;
  getServerUrl(): Promise<ServerUrlSetting>;
  /** Saves (or, with null, forgets) the server URL in settings.json. Reload the window afterwards. */
  setServerUrl(url: string | null): Promise<ServerUrlSetting>;
  /** GET <url>/api/health with a timeout; never throws for network problems. */
  checkServer(url: string): Promise<ServerCheckResult>;
  /** Prints the window to PDF (print stylesheet applied) after a save dialog; the web build uses window.print(). */
  printToPDF(request: PrintToPdfRequest): Promise<PrintToPdfResult>;
  /** Logout with wipe: removes the stored session and clears IndexedDB, storage and caches. Reload afterwards. */
  clearLocalData(): Promise<void>;
}

/** Desktop methods the web build provides too, with browser means: a toast, the page title, a downloaded file. */
export const DESK_WEB_FALLBACKS = ['notify', 'setCounts', 'exportDiagnostics'] as const satisfies readonly (keyof DesktopApi)[];
export type DeskWebFallback = (typeof DESK_WEB_FALLBACKS)[number];

/** What the renderer sees as `window.desk` (desktop) or the web implementation: all of DeskCoreApi, the fallbacks, and the rest optionally. */
export interface DeskApi extends DeskCoreApi, Pick<DesktopApi, DeskWebFallback>, Partial<Omit<DesktopApi, DeskWebFallback>> {}

/** What the Electron preload exposes as `window.desk`: everything. */
export type ElectronDeskApi = DeskCoreApi & DesktopApi;

export interface AppInfo {
  version: string;
  platform: string;
  shell: 'electron' | 'web';
  /** Sync server base URL, no trailing slash. Desktop: effective URL (DESK_SERVER_URL, settings.json, default); web: omitted (same origin). */
  serverUrl?: string;
}

export const SECRET_KEYS = ['session'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Renderer -> main calls (ipcRenderer.invoke); each has a zod tuple in IPC_ARGUMENTS. */
export const IPC_CHANNELS = {
  appInfo: 'app:info',
  secretGet: 'secret:get',
  secretSet: 'secret:set',
  secretRemove: 'secret:remove',
  log: 'log:write',
  openExternal: 'link:open-external',
  eventsSubscribe: 'events:subscribe',
  notify: 'notification:show',
  setCounts: 'tray:set-counts',
  exportDiagnostics: 'diagnostics:export',
  serverGetUrl: 'server:get-url',
  serverSetUrl: 'server:set-url',
  serverCheck: 'server:check',
  clearLocalData: 'data:clear-local',
  printToPdf: 'report:print-pdf',
} as const;

/** Main -> renderer events (webContents.send), received only through the preload's on…(callback) methods. */
export const IPC_EVENTS = {
  deepLink: 'deep-link:open',
  navigate: 'app:navigate',
  trayCommand: 'tray:command',
  menuCommand: 'menu:command',
} as const;
export type DeskEvent = (typeof IPC_EVENTS)[keyof typeof IPC_EVENTS];
export const DESK_EVENTS = Object.values(IPC_EVENTS) as [DeskEvent, ...DeskEvent[]];

/** The payload each event carries. */
export interface DeskEventPayloads {
  'deep-link:open': DeepLink;
  'app:navigate': string;
  'tray:command': TrayCommand;
  'menu:command': MenuCommand;
}
