import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createDeskApi, type Invoke, type Listen } from './api.js';

// Sandboxed preload: bundled into one CJS file by electron/build.mjs, only 'electron' stays external.
const invoke: Invoke = (channel, ...args) => ipcRenderer.invoke(channel, ...args) as Promise<never>;

// Only the payload reaches page code: the IpcRendererEvent (whose `sender` is ipcRenderer) never does.
const listen: Listen = (event, listener) => {
  const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(event, handler);
  return () => void ipcRenderer.removeListener(event, handler);
};

contextBridge.exposeInMainWorld('desk', createDeskApi(invoke, listen));
