import { z } from 'zod';

/**
 * The one object the Electron preload exposes as `window.desk`; the web build implements the same
 * contract with browser APIs. Channels are named `domain:verb`; the main process validates every argument.
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

/** Argument validators, by channel: the main process refuses anything that does not parse. */
export const IPC_ARGUMENTS = {
  [IPC_CHANNELS.appInfo]: z.tuple([]),
  [IPC_CHANNELS.secretGet]: z.tuple([z.enum(SECRET_KEYS)]),
  [IPC_CHANNELS.secretSet]: z.tuple([z.enum(SECRET_KEYS), z.string().max(64 * 1024)]),
  [IPC_CHANNELS.secretRemove]: z.tuple([z.enum(SECRET_KEYS)]),
  [IPC_CHANNELS.log]: z.tuple([z.enum(LOG_LEVELS), z.string().max(10_000)]),
  [IPC_CHANNELS.openExternal]: z.tuple([z.url({ protocol: /^https?$/ })]),
} as const;
