import type { DeskApi } from '@shared/ipc/channels.js';
import { webDesk } from './desk.web.js';

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in a plain browser. */
    desk?: DeskApi;
  }
}

/** The platform services: the Electron preload's `window.desk` on the desktop, browser APIs otherwise. */
export function getDesk(): DeskApi {
  return typeof window !== 'undefined' && window.desk ? window.desk : webDesk;
}
