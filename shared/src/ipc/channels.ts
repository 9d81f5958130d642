/**
 * The Electron preload contract without its validators, so the sandboxed preload can import it without zod.
 * Channels are named `domain:verb`.
 */
export interface DeskApi {
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

export interface AppInfo {
  version: string;
  platform: string;
  shell: 'electron' | 'web';
  /** Sync server base URL, no trailing slash. Desktop: from DESK_SERVER_URL; web: omitted (same origin). */
  serverUrl?: string;
}

export const SECRET_KEYS = ['session'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const IPC_CHANNELS = {
  appInfo: 'app:info',
  secretGet: 'secret:get',
  secretSet: 'secret:set',
  secretRemove: 'secret:remove',
  log: 'log:write',
  openExternal: 'link:open-external',
} as const;
