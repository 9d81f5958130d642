/**
 * Where the app's own pages live: the built renderer folder (file://) or, in development only, the Vite
 * dev server origin. Everything else is foreign: no navigation, no IPC, no CSP rewriting.
 */
export type AppLocation = { kind: 'file'; rootUrl: string } | { kind: 'dev'; origin: string };

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAppUrl(url: string, app: AppLocation): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (app.kind === 'dev') return parsed.origin === app.origin;
  // URL parsing resolves `..` and normalises percent-encoding, so a prefix test on href is sound.
  return parsed.protocol === 'file:' && parsed.host === '' && parsed.href.startsWith(app.rootUrl);
}

/** The `will-navigate` rule: the window may only ever show the app's own pages. */
export function isAllowedNavigation(url: string, app: AppLocation): boolean {
  return isAppUrl(url, app);
}
