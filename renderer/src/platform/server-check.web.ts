import { HTTPS_REQUIRED_REASON, needsHttps, SYNC_PROTOCOL_VERSION } from '@shared';
import type { ServerCheckResult } from '@shared/ipc/channels.js';

export type UrlValidation = { ok: true; url: string } | { ok: false; reason: string; httpsRequired?: true };

/**
 * A sync server base URL as the desktop shell accepts it (the main process validates again): https (http only to
 * this computer, shared `needsHttps`), a host, no credentials, query or fragment. Returns it without trailing slashes.
 */
export function normalizeServerUrl(input: string): UrlValidation {
  const raw = input.trim();
  if (raw === '') return { ok: false, reason: 'enter the server address' };
  if (/[\s\\]/.test(raw)) return { ok: false, reason: 'the address contains spaces or backslashes' };
  if (!/^https?:\/\//i.test(raw)) return { ok: false, reason: 'only http:// and https:// addresses are allowed' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid address' };
  }
  if (url.hostname === '') return { ok: false, reason: 'the address has no host' };
  if (needsHttps(url.protocol, url.hostname)) return { ok: false, reason: HTTPS_REQUIRED_REASON, httpsRequired: true };
  if (url.username || url.password) return { ok: false, reason: 'the address must not contain a user name or password' };
  if (url.search || url.hash || raw.includes('?') || raw.includes('#'))
    return { ok: false, reason: 'the address must not contain a query or fragment' };
  return { ok: true, url: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

/** Classifies an answer of GET /api/health (status code and body text) the way the desktop shell does. */
export function classifyHealth(
  url: string,
  status: number,
  body: string,
  clientProtocolVersion = SYNC_PROTOCOL_VERSION,
): ServerCheckResult {
  if (status === 502 || status === 503 || status === 504) return { status: 'unreachable', reason: `HTTP ${status}` };
  if (status === 0 || (status >= 300 && status < 400))
    return { status: 'not-service-desk', reason: 'the address redirects elsewhere; enter the final address' };
  if (status < 200 || status >= 300) return { status: 'not-service-desk', reason: `HTTP ${status} from /api/health` };
  let health: unknown;
  try {
    health = JSON.parse(body);
  } catch {
    return { status: 'not-service-desk', reason: '/api/health did not answer JSON' };
  }
  const h = health as { status?: unknown; version?: unknown; protocolVersion?: unknown } | null;
  if (!h || typeof h !== 'object' || h.status !== 'ok' || typeof h.version !== 'string' || !Number.isInteger(h.protocolVersion))
    return { status: 'not-service-desk', reason: '/api/health is not a service desk health answer' };
  const version = h.version.slice(0, 64);
  const serverProtocolVersion = h.protocolVersion as number;
  if (serverProtocolVersion !== clientProtocolVersion)
    return { status: 'incompatible', version, serverProtocolVersion, clientProtocolVersion };
  return { status: 'ok', url, version, protocolVersion: serverProtocolVersion };
}

/**
 * The web build's server check (the desktop asks its main process, which also recognises certificate errors; a
 * browser only reports them as a failed request). Never throws.
 */
export async function checkServerFromPage(
  input: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 5_000,
): Promise<ServerCheckResult> {
  const valid = normalizeServerUrl(input);
  if (!valid.ok) return { status: valid.httpsRequired ? 'https-required' : 'invalid-url', reason: valid.reason };
  try {
    const res = await fetchImpl(`${valid.url}/api/health`, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
      headers: { accept: 'application/json' },
    });
    const body = res.ok ? await res.text() : '';
    return classifyHealth(valid.url, res.type === 'opaqueredirect' ? 0 : res.status, body);
  } catch (err) {
    const name = (err as { name?: unknown } | null)?.name;
    const reason =
      name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : err instanceof Error ? err.message : String(err);
    return { status: 'unreachable', reason: reason.slice(0, 200) };
  }
}
