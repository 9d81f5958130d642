/**
 * Which browser origins may call the API cross-origin (CORS). Only the console's own origins, as configured.
 *
 * - The web console is served by this server (same origin) or, in development, by Vite, which proxies /api: both
 *   are same-origin for the browser, which needs no CORS answer for them. So no localhost port is allowed by default:
 *   any page on the user's machine (another dev server, a local tool) would otherwise read this API's answers.
 * - The desktop app loads its pages from file://, so Chromium sends `Origin: null` with its requests. `null` is
 *   therefore in the default list, or `npm start` and every installed desktop app would stop syncing. It is also
 *   what sandboxed iframes and data: pages send, which is acceptable here because the API authenticates with bearer
 *   tokens only, never cookies: such a page can do no more than any unauthenticated client. A server with no
 *   desktop users drops it (CONSOLE_ORIGINS=https://desk.example.org, or `none`). Giving the desktop an origin of
 *   its own (a privileged app:// scheme) would let `null` go, but moves its IndexedDB, i.e. the unsynced local data,
 *   to a new origin: a migration of its own.
 */

/** The Origin the desktop app's file:// pages send. */
export const DESKTOP_APP_ORIGIN = 'null';

/** Allowed when CONSOLE_ORIGINS is not set: the desktop app (same-origin consoles need nothing). */
export const DEFAULT_CONSOLE_ORIGINS: readonly string[] = [DESKTOP_APP_ORIGIN];

/**
 * One CONSOLE_ORIGINS entry as browsers write it in `Origin` (lower-case scheme and host, no default port, no
 * trailing slash), or null when it is not an origin: `null`, or http(s)://host[:port] with nothing after the host
 * but an optional `/`.
 */
export function normaliseConsoleOrigin(entry: string): string | null {
  const raw = entry.trim();
  if (raw === DESKTOP_APP_ORIGIN) return raw;
  if (!/^https?:\/\/[^/?#@\s\\]+\/?$/i.test(raw)) return null;
  try {
    const url = new URL(raw);
    return url.hostname === '' ? null : url.origin;
  } catch {
    return null;
  }
}

/** A test for an `Origin` header: exactly one of `allowed` (already normalised). */
export function originAllowList(allowed: readonly string[]): (origin: string) => boolean {
  const set = new Set(allowed);
  return (origin) => set.has(origin);
}
