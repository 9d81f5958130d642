/**
 * What the app-shell service worker may serve from and keep in its cache. These two functions are copied into
 * sw.js as they are (sw-source.ts embeds their source), so they must stay self-contained: no imports, no calls
 * to anything but built-ins, no closures.
 */

/**
 * How the service worker treats a GET: `shell` is a page load of the console itself (the scope's root or its
 * index.html, whatever the query and hash: routes are in the hash), `asset` a file of this build (one of
 * `buildFiles`, written `./path` relative to the scope), `network` anything else, which it leaves alone: other
 * pages the server sends (the public survey page, error pages), the API, other origins.
 */
export function swRoute(
  requestUrl: string,
  mode: string,
  scope: string,
  buildFiles: readonly string[],
): 'shell' | 'asset' | 'network' {
  const url = new URL(requestUrl);
  const base = new URL(scope);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname) || url.pathname.startsWith('/api/')) return 'network';
  const path = url.pathname.slice(base.pathname.length);
  if (mode === 'navigate') return path === '' || path === 'index.html' ? 'shell' : 'network';
  return url.search === '' && buildFiles.includes(`./${path}`) ? 'asset' : 'network';
}

/** The part of a Response the decision reads (a real Response in sw.js). */
export interface CacheableResponse {
  status: number;
  type: string;
  redirected: boolean;
  headers: { get(name: string): string | null };
}

/**
 * True when the service worker may keep `response` for `route`: only the console's own shell (an HTML page) and
 * build files, only a plain same-origin 200 that was not redirected elsewhere, and never what the server marked
 * `Cache-Control: no-store` (a survey page carries its token; nothing marked so may outlive the request).
 */
export function swMayCache(route: 'shell' | 'asset' | 'network', response: CacheableResponse): boolean {
  if (route === 'network') return false;
  if (response.status !== 200 || response.type !== 'basic' || response.redirected) return false;
  const cacheControl = (response.headers.get('cache-control') || '').toLowerCase();
  if (cacheControl.split(',').some((directive) => directive.trim() === 'no-store')) return false;
  if (route === 'shell' && !/^text\/html(;|$)/i.test((response.headers.get('content-type') || '').trim())) return false;
  return true;
}
