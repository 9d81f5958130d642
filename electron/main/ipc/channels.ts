import type { z } from 'zod';
import { IPC_ARGUMENTS } from '@shared/ipc/contract.js';
import type { DeskEvent, DeskEventPayloads, ElectronDeskApi } from '@shared/ipc/contract.js';

/** Every channel the preload may invoke, as named in the shared contract. */
export type IpcChannel = keyof typeof IPC_ARGUMENTS;

/** The argument tuple a channel accepts once validated. */
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof IPC_ARGUMENTS)[C]>;

type DeskApi = ElectronDeskApi;

type Resolved<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/** What each channel resolves to, derived from the DeskApi method that invokes it. */
export interface IpcResults {
  'app:info': Resolved<DeskApi['appInfo']>;
  'secret:get': Resolved<DeskApi['secrets']['get']>;
  'secret:set': Resolved<DeskApi['secrets']['set']>;
  'secret:remove': Resolved<DeskApi['secrets']['remove']>;
  'log:write': Resolved<DeskApi['log']>;
  'link:open-external': Resolved<DeskApi['openExternal']>;
  /** The payloads buffered before the renderer subscribed, oldest first. */
  'events:subscribe': DeskEventPayloads[DeskEvent][];
  'notification:show': Resolved<DeskApi['notify']>;
  'tray:set-counts': Resolved<DeskApi['setCounts']>;
  'diagnostics:export': Resolved<DeskApi['exportDiagnostics']>;
  'server:get-url': Resolved<DeskApi['getServerUrl']>;
  'server:set-url': Resolved<DeskApi['setServerUrl']>;
  'server:check': Resolved<DeskApi['checkServer']>;
  'data:clear-local': Resolved<DeskApi['clearLocalData']>;
  'report:print-pdf': Resolved<DeskApi['printToPDF']>;
}

export type IpcHandler<C extends IpcChannel> = (...args: IpcArgs<C>) => IpcResults[C] | Promise<IpcResults[C]>;

/** One handler per channel: a missing or extra channel is a compile error. */
export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };

export const IPC_CHANNEL_LIST = Object.keys(IPC_ARGUMENTS) as IpcChannel[];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(IPC_ARGUMENTS, value);
}
