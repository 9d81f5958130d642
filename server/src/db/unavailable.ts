/**
 * The database could not be reached or dropped the connection (server restart, backend terminated, network):
 * the request failed for a reason the caller can retry, not because of what it sent. Mapped to 503.
 */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * SQLSTATE classes and codes that mean "the connection or the server is gone", not "your SQL is wrong":
 * 08 connection exception, 57P01-57P03 admin/crash shutdown and cannot connect now, 53300 too many connections,
 * 55000 on connect ("database is not currently accepting connections").
 */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '55000']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const MESSAGES = [
  /connection terminated/i,
  /terminating connection/i,
  /not queryable/i,
  /timeout exceeded when trying to connect/i,
  /connection is closed/i,
  /Cannot use a pool after calling end/i,
];

/** True when `error` (from pg or the pool) means the database is unreachable right now. */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_CODES.has(code) || NETWORK_CODES.has(code))) return true;
  return typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message));
}

/** Rethrows connection failures as DatabaseUnavailableError, anything else unchanged. */
export function classifyDatabaseError(error: unknown): unknown {
  return isConnectionError(error) && !(error instanceof DatabaseUnavailableError) ? new DatabaseUnavailableError(error) : error;
}

/** True when a statement gave up waiting for a lock (SQLSTATE 55P03, `lock_timeout`): retryable, nothing written. */
export function isLockTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '55P03';
}
