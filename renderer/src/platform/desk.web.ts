import type { AppInfo, DeskApi, LogLevel, SecretKey } from '@shared/ipc/channels.js';

const SECRET_PREFIX = 'servicedesk.secret.';

/**
 * The DeskApi for the plain web build. Secrets go to localStorage: acceptable for the web build only, where the
 * browser profile is the trust boundary; the desktop build keeps them in the OS keychain through the preload.
 */
export const webDesk: DeskApi = {
  isDesktop: false,
  appInfo(): Promise<AppInfo> {
    return Promise.resolve({
      version: import.meta.env.VITE_APP_VERSION ?? '0.1.0',
      platform: navigator.platform || 'web',
      shell: 'web',
    });
  },
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
};
