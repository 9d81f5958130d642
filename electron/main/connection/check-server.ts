import type { ServerCheckResult } from '@shared/ipc/contract.js';
import { SYNC_PROTOCOL_VERSION } from '@shared/sync/protocol.js';
import { validateServerUrl } from './validate-url.js';

/** The slice of `fetch` used (Electron's net.fetch in the app, so the OS proxy and certificate store apply). */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; redirect: 'manual'; headers: Record<string, string> },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface CheckServerOptions {
  timeoutMs?: number;
  protocolVersion?: number;
}

const MAX_BODY = 64 * 1024;

/** Node (undici / OpenSSL) error codes for certificates the client does not trust. */
const NODE_TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

/** The TLS error code behind a failed fetch: Node's `cause.code`, or Chromium's `net::ERR_CERT_*` / `ERR_SSL_*` message. */
export function certificateErrorCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e instanceof Object && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NODE_TLS_CODES.has(code)) return code;
    const message = (e as { message?: unknown }).message;
    const chromium =
      typeof message === 'string'
        ? /\bnet::(ERR_CERT_[A-Z_]+|ERR_SSL_[A-Z_]+|ERR_BAD_SSL_CLIENT_AUTH_CERT)\b/.exec(message)
        : null;
    if (chromium) return chromium[1];
  }
  return null;
}

function networkReason(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timed out';
  // undici: TypeError('fetch failed') whose cause carries the code (or an AggregateError of per-address errors).
  const cause = (error as { cause?: { code?: unknown; message?: unknown; errors?: { code?: unknown }[] } } | null)?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  if (typeof code === 'string') return code;
  if (typeof cause?.message === 'string' && cause.message !== '') return cause.message.slice(0, 200);
  const message = error instanceof Error ? error.message : String(error);
  return /net::ERR_[A-Z_]+/.exec(message)?.[0] ?? message.slice(0, 200);
}

/** GET <url>/api/health and classify the answer. Never throws. */
export async function checkServer(
  url: string,
  fetchImpl: FetchLike,
  options: CheckServerOptions = {},
): Promise<ServerCheckResult> {
  const valid = validateServerUrl(url);
  if (!valid.ok) return { status: valid.httpsRequired ? 'https-required' : 'invalid-url', reason: valid.reason };
  const clientProtocolVersion = options.protocolVersion ?? SYNC_PROTOCOL_VERSION;
  let status: number;
  let body: string;
  try {
    const response = await fetchImpl(`${valid.url}/api/health`, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      redirect: 'manual',
      headers: { accept: 'application/json' },
    });
    status = response.status;
    if (Number(response.headers.get('content-length') ?? 0) > MAX_BODY) return notDesk('the answer is too large');
    body = status >= 200 && status < 300 ? await response.text() : '';
  } catch (error) {
    const code = certificateErrorCode(error);
    return code ? { status: 'invalid-certificate', code } : { status: 'unreachable', reason: networkReason(error) };
  }
  if (status === 0 || (status >= 300 && status < 400)) return notDesk('the address redirects elsewhere; enter the final address');
  if (status === 502 || status === 503 || status === 504) return { status: 'unreachable', reason: `HTTP ${status}` };
  if (status < 200 || status >= 300) return notDesk(`HTTP ${status} from /api/health`);
  return classifyHealth(valid.url, body, clientProtocolVersion);
}

function classifyHealth(url: string, body: string, clientProtocolVersion: number): ServerCheckResult {
  let health: unknown;
  try {
    health = body.length <= MAX_BODY ? JSON.parse(body) : undefined;
  } catch {
    return notDesk('/api/health did not answer JSON');
  }
  const h = health as { status?: unknown; version?: unknown; protocolVersion?: unknown } | null;
  if (
    typeof h !== 'object' ||
    h === null ||
    h.status !== 'ok' ||
    typeof h.version !== 'string' ||
    !Number.isInteger(h.protocolVersion)
  )
    return notDesk('/api/health is not a service desk health answer');
  const version = h.version.slice(0, 64);
  const serverProtocolVersion = h.protocolVersion as number;
  if (serverProtocolVersion !== clientProtocolVersion)
    return { status: 'incompatible', version, serverProtocolVersion, clientProtocolVersion };
  return { status: 'ok', url, version, protocolVersion: serverProtocolVersion };
}

function notDesk(reason: string): ServerCheckResult {
  return { status: 'not-service-desk', reason };
}
