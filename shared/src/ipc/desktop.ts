/** Types and limits of the desktop-only preload features (deep links, notifications, tray, diagnostics, server). */

export type Unsubscribe = () => void;

/** A parsed `servicedesk://ticket/<number>` or `servicedesk://kb/<id>` link. */
export type DeepLink = { kind: 'ticket'; number: string } | { kind: 'kb'; id: string };

export const TRAY_COMMANDS = ['sync-now', 'pause-sync', 'resume-sync'] as const;
export type TrayCommand = (typeof TRAY_COMMANDS)[number];

export const MENU_COMMANDS = [
  'new-ticket',
  'go-tickets',
  'go-kb',
  'go-conflicts',
  'show-shortcuts',
  'export-diagnostics',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * Native menu accelerators (Electron syntax), for the menu and for the renderer's "Keyboard shortcuts" help.
 * New ticket is not Ctrl/Cmd+N, which browsers (and the web build) reserve for a new window.
 */
export const MENU_SHORTCUTS: Readonly<Record<MenuCommand, string | null>> = {
  'new-ticket': 'CmdOrCtrl+Alt+N',
  'go-tickets': 'CmdOrCtrl+1',
  'go-kb': 'CmdOrCtrl+2',
  'go-conflicts': 'CmdOrCtrl+3',
  'show-shortcuts': 'CmdOrCtrl+/',
  'export-diagnostics': null,
};

export const NOTIFY_TITLE_MAX = 120;
export const NOTIFY_BODY_MAX = 500;

/** App routes (hash router paths) a notification may open: /tickets, /tickets/<id>, /kb, /kb/<id>, /conflicts. */
export const APP_ROUTE_PATTERN = /^\/(?:(?:tickets|kb)(?:\/[A-Za-z0-9][A-Za-z0-9_-]{0,39})?|conflicts)$/;

export function isAppRoute(route: string): boolean {
  return APP_ROUTE_PATTERN.test(route);
}

export interface NotifyRequest {
  title: string;
  body: string;
  /** Where clicking the notification leads, e.g. `/tickets/<id>`. */
  route: string;
}

export interface DeskCounts {
  /** Local changes not yet pushed. */
  pendingSync: number;
  unread: number;
  /** Whether sync is paused, so the tray offers "Resume sync"; omitted means unchanged. */
  syncPaused?: boolean;
}

export interface DiagnosticsSyncStatus {
  pendingSync: number;
  unread?: number;
  conflicts?: number;
  online?: boolean;
  paused?: boolean;
  /** Milliseconds since the epoch, or null if never synced. */
  lastSyncAt: number | null;
  /** The last sync error message (redacted again in the main process), or null. */
  lastError: string | null;
}

/** What the renderer adds to a diagnostics bundle. Never ticket contents: the contract rejects unknown keys. */
export interface DiagnosticsInfo {
  syncStatus: DiagnosticsSyncStatus;
  /** Collection name -> schema version. */
  schemaVersions: Record<string, number>;
}

export type ExportDiagnosticsResult = { saved: true; path: string } | { saved: false };

/** The PDF's suggested name: letters, digits, dot, dash and underscore, ending in .pdf. */
export const PDF_FILE_NAME_PATTERN = /^[A-Za-z0-9._-]{1,100}\.pdf$/;

/** Print the current page (with its print stylesheet) to a PDF file the user picks. */
export interface PrintToPdfRequest {
  fileName: string;
  landscape: boolean;
}

export type PrintToPdfResult = { saved: true; path: string } | { saved: false };

export interface ServerUrlSetting {
  /** The URL in effect (what appInfo().serverUrl returns). */
  url: string;
  /** env: DESK_SERVER_URL is set and wins; settings: settings.json; default: neither. */
  source: 'env' | 'settings' | 'default';
  /** What settings.json holds, even when DESK_SERVER_URL overrides it. */
  savedUrl: string | null;
}

export type ServerCheckResult =
  | { status: 'ok'; url: string; version: string; protocolVersion: number }
  | { status: 'invalid-url'; reason: string }
  /** A well-formed http:// address of another computer: only https:// may leave this computer. */
  | { status: 'https-required'; reason: string }
  | { status: 'unreachable'; reason: string }
  | { status: 'invalid-certificate'; code: string }
  | { status: 'incompatible'; version: string; serverProtocolVersion: number; clientProtocolVersion: number }
  | { status: 'not-service-desk'; reason: string };
