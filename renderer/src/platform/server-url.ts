import type { ServerCheckResult, ServerUrlSetting } from '@shared/ipc/channels.js';
import { getDesk } from './desk.js';
import { checkServerFromPage, normalizeServerUrl } from './server-check.web.js';

const STORAGE_KEY = 'servicedesk.serverUrl';
const FALLBACK = 'http://127.0.0.1:8787';

/**
 * The address this browser remembered, if it still passes today's rules: one saved before https was required for
 * remote servers (or edited by hand) is ignored, so the settings screen asks again instead of sending the password
 * over plain http.
 */
function rememberedServerUrl(): string | null {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === null) return null;
  const valid = normalizeServerUrl(saved);
  return valid.ok ? valid.url : null;
}

/** True when the page itself comes from a web server (the sync server or the Vite dev server), not file://. */
export function servedOverHttp(): boolean {
  return location.protocol === 'http:' || location.protocol === 'https:';
}

/**
 * Whether the user chooses the server: yes on the desktop and from file://; no when the page is served by the
 * server itself (same origin), where the login page shows no server field and the settings screen is hidden.
 */
export function serverSettingsAvailable(): boolean {
  return !servedOverHttp();
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
  return info?.serverUrl ?? rememberedServerUrl() ?? import.meta.env.VITE_SERVER_URL ?? FALLBACK;
}

/**
 * The server setting: from the desktop shell (DESK_SERVER_URL, settings.json or the default), otherwise from this
 * browser's storage. Only meaningful when serverSettingsAvailable().
 */
export async function loadServerSetting(): Promise<ServerUrlSetting> {
  const desk = getDesk();
  if (desk.getServerUrl) return desk.getServerUrl();
  const saved = rememberedServerUrl();
  if (saved) return { url: saved, source: 'settings', savedUrl: saved };
  return { url: import.meta.env.VITE_SERVER_URL ?? FALLBACK, source: 'default', savedUrl: null };
}

/** First run: nobody chose a server yet (not set by DESK_SERVER_URL nor saved), so the settings screen comes first. */
export function isFirstRun(setting: ServerUrlSetting): boolean {
  return setting.source === 'default';
}

/** GET <url>/api/health: by the desktop's main process (its CSP and certificate store), else from the page. */
export function checkServerUrl(url: string): Promise<ServerCheckResult> {
  const desk = getDesk();
  return desk.checkServer ? desk.checkServer(url) : checkServerFromPage(url);
}

/**
 * Saves the server address (desktop: settings.json through the shell, which validates it and throws with a reason;
 * web: this browser's storage). The window must reload for the address to apply.
 */
export async function saveServerUrl(url: string): Promise<ServerUrlSetting> {
  const valid = normalizeServerUrl(url);
  if (!valid.ok) throw new Error(valid.reason);
  const desk = getDesk();
  if (desk.setServerUrl) return desk.setServerUrl(valid.url);
  localStorage.setItem(STORAGE_KEY, valid.url);
  return { url: valid.url, source: 'settings', savedUrl: valid.url };
}
