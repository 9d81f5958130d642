import type {
  AppInfo,
  DeskApi,
  DeskCounts,
  DiagnosticsInfo,
  ExportDiagnosticsResult,
  LogLevel,
  NotifyRequest,
  SecretKey,
} from '@shared/ipc/channels.js';
import { redactText } from './redact.js';
import { titleWithCount } from './title-count.js';
import { webNotify } from './web-notify.js';

const SECRET_PREFIX = 'servicedesk.secret.';

function appInfo(): Promise<AppInfo> {
  return Promise.resolve({
    version: import.meta.env.VITE_APP_VERSION ?? '0.1.0',
    platform: navigator.platform || 'web',
    shell: 'web',
  });
}

function timestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** Offers a JSON file with the versions, the browser and the sync status (never ticket contents) as a download. */
async function downloadDiagnostics(info: DiagnosticsInfo): Promise<ExportDiagnosticsResult> {
  const now = new Date();
  const bundle = {
    kind: 'servicedesk-diagnostics',
    exportedAt: now.toISOString(),
    app: await appInfo(),
    browser: { userAgent: navigator.userAgent, language: navigator.language, online: navigator.onLine },
    page: { origin: location.origin, protocol: location.protocol },
    syncStatus: {
      ...info.syncStatus,
      lastError: info.syncStatus.lastError === null ? null : redactText(info.syncStatus.lastError),
    },
    schemaVersions: info.schemaVersions,
  };
  const fileName = `servicedesk-diagnostics-${timestamp(now)}.json`;
  const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true, path: fileName };
}

/**
 * The DeskApi for the plain web build. Secrets go to localStorage: acceptable for the web build only, where the
 * browser profile is the trust boundary; the desktop build keeps them in the OS keychain through the preload.
 * Of the desktop methods it provides notify (in-page notification), setCounts (the page title) and
 * exportDiagnostics (a downloaded JSON file); deep links, menus, tray, server settings and clearLocalData are absent.
 */
export const webDesk: DeskApi = {
  isDesktop: false,
  appInfo,
  secrets: {
    get(key: SecretKey) {
      return Promise.resolve(localStorage.getItem(SECRET_PREFIX + key));
    },
    set(key: SecretKey, value: string) {
      localStorage.setItem(SECRET_PREFIX + key, value);
      return Promise.resolve();
    },
    remove(key: SecretKey) {
      localStorage.removeItem(SECRET_PREFIX + key);
      return Promise.resolve();
    },
  },
  log(level: LogLevel, message: string) {
    const line = `[desk] ${message}`;
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else if (level === 'info') console.info(line);
    else console.debug(line);
    return Promise.resolve();
  },
  openExternal(url: string) {
    if (/^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
    return Promise.resolve();
  },
  notify(request: NotifyRequest) {
    webNotify(request);
    return Promise.resolve();
  },
  setCounts({ unread }: DeskCounts) {
    document.title = titleWithCount(document.title, unread);
    return Promise.resolve();
  },
  exportDiagnostics: downloadDiagnostics,
};
