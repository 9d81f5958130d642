export interface CspOptions {
  /** Origin of the sync server the renderer fetches from and streams from. */
  serverOrigin: string;
  /** Development only: the Vite dev server origin (inline HMR preamble and its websocket). */
  devServerOrigin?: string;
}

function httpOrigin(value: string): URL {
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Not an http(s) origin: ${value}`);
  return url;
}

/** The origin plus its websocket twin (ws: for http:, wss: for https:). */
function withWebSocket(value: string): string[] {
  const url = httpOrigin(value);
  return [url.origin, `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`];
}

export function buildCsp({ serverOrigin, devServerOrigin }: CspOptions): string {
  const dev = devServerOrigin === undefined ? [] : withWebSocket(devServerOrigin);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': devServerOrigin === undefined ? ["'self'"] : ["'self'", "'unsafe-inline'", httpOrigin(devServerOrigin).origin],
    'connect-src': ["'self'", ...withWebSocket(serverOrigin), ...dev],
    'img-src': ["'self'", 'data:'],
    // Mantine injects <style> elements at runtime.
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export type ResponseHeaders = Record<string, string | string[]>;

/** Returns the headers with any existing CSP (any letter case) replaced by ours. */
export function withCspHeader(headers: ResponseHeaders | undefined, csp: string): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower !== 'content-security-policy' && lower !== 'content-security-policy-report-only') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}

/** The slice of Electron's `session.webRequest` used here. */
export interface WebRequestLike {
  onHeadersReceived(
    listener: (
      details: { url: string; responseHeaders?: ResponseHeaders },
      callback: (response: { responseHeaders?: ResponseHeaders }) => void,
    ) => void,
  ): void;
}

/**
 * Sets the CSP on every response for the app's own pages; other responses pass through untouched. A function
 * is read per response (the server origin changes with desk.setServerUrl; pages get it on their next load).
 */
export function installCsp(webRequest: WebRequestLike, csp: string | (() => string), isAppUrl: (url: string) => boolean): void {
  webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) return callback({});
    callback({ responseHeaders: withCspHeader(details.responseHeaders, typeof csp === 'function' ? csp() : csp) });
  });
}
