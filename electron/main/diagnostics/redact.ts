/**
 * Removes credentials from anything headed for a diagnostics bundle (objects, and free text such as log lines),
 * and drops fields that carry ticket or article contents. Errs on the side of redacting too much.
 */

export const REDACTED = '[redacted]';
export const OMITTED = '[omitted]';

/** Normalised (lower case, no `_`/`-`/`.`) key names whose values are credentials. */
const SECRET_KEY =
  /(token|password|passwd|pwd|secret|apikey|authorization|cookie|credential|privatekey|jwt|session|signature)s?$/;
/** Keys whose values are ticket, comment or article contents: never exported. */
const CONTENT_KEYS = new Set([
  'title',
  'description',
  'body',
  'comment',
  'comments',
  'resolutionnotes',
  'notes',
  'text',
  'content',
  'html',
  'markdown',
  'documents',
  'document',
  'newdocumentstate',
  'assumedmasterstate',
  'subject',
  'attachments',
]);

const normalise = (key: string) => key.toLowerCase().replace(/[_.-]/g, '');

const KEY = String.raw`[A-Za-z0-9_.-]*?(?:token|password|passwd|pwd|secret|api[_-]?key|authorization|cookie|credentials?)`;
const VALUE = String.raw`"(?:[^"\\]|\\.)*"|\\"(?:[^\\]|\\(?!"))*\\"|'[^']*'|[^\s,;&}\]"'\\]+`;
const PATTERNS: [RegExp, string | ((...groups: string[]) => string)][] = [
  // Authorization schemes: `Bearer eyJ…`, `Basic dXNlcjpwdw==`.
  [/\b(Bearer|Basic|Token|Digest)\s+[A-Za-z0-9._~+/=-]+/gi, (_m, scheme) => `${scheme} ${REDACTED}`],
  // JWTs anywhere (the header always starts with `eyJ`), and other three-part signed tokens.
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)?/g, REDACTED],
  [/\b[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\b/g, REDACTED],
  // key=value, key: value, "key": "value" and \"key\":\"value\" (JSON inside a log string), for credential keys.
  [
    new RegExp(String.raw`(${KEY})((?:\\?["'])?\s*[:=]\s*)(${VALUE})`, 'gi'),
    (_m, key: string, separator: string, value: string) => {
      const quote = /^(\\?["'])/.exec(value)?.[1] ?? '';
      return `${key}${separator}${quote}${REDACTED}${quote}`;
    },
  ],
  // Credentials in URLs: https://user:password@host.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, `$1${REDACTED}@`],
  // Long random strings (refresh tokens are 43 base64url characters), except UUIDs.
  [
    /(?<![A-Za-z0-9_-])[A-Za-z0-9_+/-]{32,}={0,2}/g,
    (match: string) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(match) ||
      !/\d/.test(match) ||
      !/[A-Za-z]/.test(match)
        ? match
        : REDACTED,
  ],
];

export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement as (...groups: string[]) => string);
  return result;
}

/** A redacted deep copy: credential keys -> [redacted], content keys -> [omitted], strings scrubbed. */
export function redactDiagnostics(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'object') return undefined;
  if (depth > 20) return OMITTED;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactDiagnostics(item, depth + 1, seen));
  // Object.fromEntries defines own properties, so a `__proto__` key cannot reach the prototype.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const name = normalise(key);
      if (SECRET_KEY.test(name)) return [redactText(key), REDACTED];
      if (CONTENT_KEYS.has(name)) return [redactText(key), OMITTED];
      return [redactText(key), redactDiagnostics(item, depth + 1, seen)];
    }),
  );
}
