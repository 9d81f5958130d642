import type { AppInfo } from '@shared/ipc/contract.js';
import type { IpcHandlers } from './channels.js';

/** AppInfo plus the sync server URL the renderer should talk to. */
export interface DesktopAppInfo extends AppInfo {
  shell: 'electron';
  serverUrl: string;
}

export interface AppInfoSource {
  version: string;
  platform: string;
  /** The effective server URL, read on every call (it changes with desk.setServerUrl). */
  serverUrl(): string;
}

export function createAppInfoHandlers(source: AppInfoSource): Pick<IpcHandlers, 'app:info'> {
  return {
    'app:info': (): DesktopAppInfo => ({
      version: source.version,
      platform: source.platform,
      shell: 'electron',
      serverUrl: source.serverUrl(),
    }),
  };
}
