import { IPC_CHANNELS, type DeskApi } from '@shared/ipc/channels.js';
import type { IpcArgs, IpcChannel, IpcResults } from '../main/ipc/channels.js';

/** ipcRenderer.invoke, typed by the contract. */
export type Invoke = <C extends IpcChannel>(channel: C, ...args: IpcArgs<C>) => Promise<IpcResults[C]>;

/**
 * The object exposed as `window.desk`. Each method forwards exactly its declared parameters, so extra
 * arguments from page code never reach the main process; `ipcRenderer` itself is never exposed.
 */
export function createDeskApi(invoke: Invoke): DeskApi {
  return Object.freeze({
    isDesktop: true,
    appInfo: () => invoke(IPC_CHANNELS.appInfo),
    secrets: Object.freeze({
      get: (key) => invoke(IPC_CHANNELS.secretGet, key),
      set: (key, value) => invoke(IPC_CHANNELS.secretSet, key, value),
      remove: (key) => invoke(IPC_CHANNELS.secretRemove, key),
    } satisfies DeskApi['secrets']),
    log: (level, message) => invoke(IPC_CHANNELS.log, level, message),
    openExternal: (url) => invoke(IPC_CHANNELS.openExternal, url),
  } satisfies DeskApi);
}
