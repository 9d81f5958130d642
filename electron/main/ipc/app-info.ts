import type { AppInfo } from '@shared/ipc/contract.js';
import type { IpcHandlers } from './channels.js';

/** AppInfo plus the sync server URL the renderer should talk to (see the report: proposed contract field). */
export interface DesktopAppInfo extends AppInfo {
  shell: 'electron';
  serverUrl: string;
}

export interface AppInfoSource {
  version: string;
  platform: string;
  serverUrl: string;
}

export function createAppInfoHandlers(source: AppInfoSource): Pick<IpcHandlers, 'app:info'> {
  const info: DesktopAppInfo = Object.freeze({ ...source, shell: 'electron' });
  return { 'app:info': () => ({ ...info }) };
}
