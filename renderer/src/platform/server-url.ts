import { getDesk } from './desk.js';

const STORAGE_KEY = 'servicedesk.serverUrl';
const FALLBACK = 'http://127.0.0.1:8787';

/** True when the page itself comes from a web server (the sync server or the Vite dev server), not file://. */
export function servedOverHttp(): boolean {
  return location.protocol === 'http:' || location.protocol === 'https:';
}

/**
 * The sync server's address. Served over http(s): the page's own origin (the server hosts the console, and the Vite
 * dev server proxies /api). From file:// (Electron): the desktop's effective URL (appInfo().serverUrl), else a
 * remembered choice, VITE_SERVER_URL or the local default.
 */
export async function resolveServerUrl(): Promise<string> {
  if (servedOverHttp()) return location.origin;
  const info = await getDesk()
    .appInfo()
    .catch(() => null);
  return info?.serverUrl ?? localStorage.getItem(STORAGE_KEY) ?? import.meta.env.VITE_SERVER_URL ?? FALLBACK;
}

/** Remembers the address typed on the login page (and tells the desktop shell, which keeps it in settings.json). */
export async function rememberServerUrl(url: string): Promise<string> {
  const clean = url.trim().replace(/\/+$/, '');
  localStorage.setItem(STORAGE_KEY, clean);
  const desk = getDesk();
  if (desk.setServerUrl) await desk.setServerUrl(clean).catch(() => undefined);
  return clean;
}
