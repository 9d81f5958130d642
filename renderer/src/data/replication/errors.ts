/** A sentence for the status line from whatever a request or RxDB threw. */
export function describeError(err: unknown): string {
  if (typeof err !== 'object' || err === null) return String(err);
  const e = err as { message?: unknown; code?: unknown; parameters?: { errors?: { message?: unknown }[]; writeError?: unknown } };
  // RxDB wraps handler errors (RC_PULL, RC_PUSH) and keeps the originals in parameters.errors.
  const inner = e.parameters?.errors?.[0]?.message;
  if (typeof inner === 'string' && inner) return inner;
  if (e.parameters?.writeError)
    return `${typeof e.code === 'string' ? e.code : 'WRITE'}: a document could not be stored locally.`;
  if (typeof e.message === 'string' && e.message) return e.message.split('\n')[0];
  return 'Unknown error';
}
