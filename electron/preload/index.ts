import { contextBridge, ipcRenderer } from 'electron';
import { createDeskApi, type Invoke } from './api.js';

// Sandboxed preload: bundled into one CJS file by electron/build.mjs, only 'electron' stays external.
const invoke: Invoke = (channel, ...args) => ipcRenderer.invoke(channel, ...args) as Promise<never>;

contextBridge.exposeInMainWorld('desk', createDeskApi(invoke));
