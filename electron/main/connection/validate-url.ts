import { HTTPS_REQUIRED_REASON, needsHttps } from '@shared/sync/server-address.js';

export type ServerUrlValidation =
  | { ok: true; url: string; origin: string }
  /** `httpsRequired`: a well-formed http:// address of another computer (the UI explains it on its own). */
  | { ok: false; reason: string; httpsRequired?: true };

const MAX_LENGTH = 2048;

/**
 * A sync server base URL: https (http only to this computer, see shared `needsHttps`), a host, no credentials, no
 * query or fragment, and a plain path (no `.`/`..` segments, empty segments, backslashes or percent-encoded dots and
 * slashes that a server might decode into traversal). Returns the normalised URL (lower-case host, no trailing slash) and its origin.
 */
export function validateServerUrl(input: string): ServerUrlValidation {
  const raw = input.trim();
  if (raw === '') return fail('enter the server address');
  if (raw.length > MAX_LENGTH) return fail('the address is too long');
  if (/[\s\p{Cc}\\]/u.test(raw)) return fail('the address contains spaces, control characters or backslashes');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw);
  if (!scheme || !['http', 'https'].includes(scheme[1].toLowerCase()))
    return fail('only http:// and https:// addresses are allowed');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('not a valid address');
  }
  const authority = raw.slice(scheme[0].length).split(/[/?#]/)[0];
  if (authority === '') return fail('the address has no host');
  if (url.username !== '' || url.password !== '' || authority.includes('@'))
    return fail('the address must not contain a user name or password');
  if (url.hostname === '') return fail('the address has no host');
  if (needsHttps(url.protocol, url.hostname)) return { ok: false, reason: HTTPS_REQUIRED_REASON, httpsRequired: true };
  if (raw.includes('?') || raw.includes('#')) return fail('the address must not contain a query or fragment');
  const rawPath = raw.slice(scheme[0].length).replace(/^[^/]*/, '');
  if (/%(2e|2f|5c|00)/i.test(rawPath)) return fail('the path must not contain encoded dots or slashes');
  const segments = rawPath.split('/').slice(1);
  if (segments.slice(0, -1).some((segment) => segment === '') || segments.some((s) => s === '.' || s === '..'))
    return fail('the path must not contain empty, "." or ".." segments');
  return { ok: true, url: `${url.origin}${url.pathname}`.replace(/\/+$/, ''), origin: url.origin };
}

function fail(reason: string): ServerUrlValidation {
  return { ok: false, reason };
}
