import {
  IPC_CHANNELS,
  IPC_EVENTS,
  type DeskEvent,
  type DeskEventPayloads,
  type ElectronDeskApi,
  type Unsubscribe,
} from '@shared/ipc/channels.js';
import type { IpcArgs, IpcChannel, IpcResults } from '../main/ipc/channels.js';

/** ipcRenderer.invoke, typed by the contract. */
export type Invoke = <C extends IpcChannel>(channel: C, ...args: IpcArgs<C>) => Promise<IpcResults[C]>;

/** ipcRenderer.on for one main -> renderer event, handing over the payload only (never the IpcRendererEvent). */
export type Listen = (event: DeskEvent, listener: (payload: unknown) => void) => Unsubscribe;

/**
 * The object exposed as `window.desk`. Each method forwards exactly its declared parameters, so extra
 * arguments from page code never reach the main process; `ipcRenderer` itself is never exposed.
 */
export function createDeskApi(invoke: Invoke, listen: Listen): ElectronDeskApi {
  const on =
    <E extends DeskEvent>(event: E) =>
    (callback: (payload: DeskEventPayloads[E]) => void): Unsubscribe =>
      subscribe(invoke, listen, event, callback);
  return Object.freeze({
    isDesktop: true,
    appInfo: () => invoke(IPC_CHANNELS.appInfo),
    secrets: Object.freeze({
      get: (key) => invoke(IPC_CHANNELS.secretGet, key),
      set: (key, value) => invoke(IPC_CHANNELS.secretSet, key, value),
      remove: (key) => invoke(IPC_CHANNELS.secretRemove, key),
    } satisfies ElectronDeskApi['secrets']),
    log: (level, message) => invoke(IPC_CHANNELS.log, level, message),
    openExternal: (url) => invoke(IPC_CHANNELS.openExternal, url),
    onDeepLink: on(IPC_EVENTS.deepLink),
    onNavigate: on(IPC_EVENTS.navigate),
    onTrayCommand: on(IPC_EVENTS.trayCommand),
    onMenuCommand: on(IPC_EVENTS.menuCommand),
    notify: (request) => invoke(IPC_CHANNELS.notify, request),
    setCounts: (counts) => invoke(IPC_CHANNELS.setCounts, counts),
    exportDiagnostics: (info) => invoke(IPC_CHANNELS.exportDiagnostics, info),
    getServerUrl: () => invoke(IPC_CHANNELS.serverGetUrl),
    setServerUrl: (url) => invoke(IPC_CHANNELS.serverSetUrl, url),
    checkServer: (url) => invoke(IPC_CHANNELS.serverCheck, url),
    clearLocalData: () => invoke(IPC_CHANNELS.clearLocalData),
    printToPDF: (request) => invoke(IPC_CHANNELS.printToPdf, request),
  } satisfies ElectronDeskApi);
}

/**
 * Listens for live events, then tells the main process this page is ready and delivers what it buffered
 * meanwhile (IPC keeps order, so buffered payloads arrive before later live ones).
 */
function subscribe<E extends DeskEvent>(
  invoke: Invoke,
  listen: Listen,
  event: E,
  callback: (payload: DeskEventPayloads[E]) => void,
): Unsubscribe {
  if (typeof callback !== 'function') throw new TypeError(`${event}: callback must be a function`);
  let active = true;
  const deliver = (payload: unknown) => {
    if (!active) return;
    try {
      callback(payload as DeskEventPayloads[E]);
    } catch (error) {
      console.error(`desk ${event} callback failed`, error);
    }
  };
  const stop = listen(event, deliver);
  invoke(IPC_CHANNELS.eventsSubscribe, event).then(
    (buffered) => buffered.forEach(deliver),
    (error: unknown) => console.error(`desk ${event} subscription failed`, error),
  );
  return () => {
    active = false;
    stop();
  };
}
