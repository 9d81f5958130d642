import type { Queryable } from '../database.js';

/** The change-sequence notification channel; payloads are `{"collection": ..., "seq": ...}` only. */
export const CHANGES_CHANNEL = 'sync_changes';

/**
 * Reserves `count` sequence numbers and returns the last one: the caller owns (last - count, last].
 * The counter row stays locked until the transaction ends, so transactions commit in sequence order
 * across all server instances and a pull by `seq > checkpoint` never skips a late commit.
 * Run it FIRST in every writing transaction.
 */
export async function reserveSequence(tx: Queryable, count: number): Promise<number> {
  const rows = await tx.query<{ value: string | number }>(
    'UPDATE sync_counter SET value = value + $1 WHERE id = 1 RETURNING value',
    [count],
  );
  return Number(rows[0].value);
}

/**
 * Takes the counter row's lock without reserving numbers yet (reserveSequence later in the transaction reserves them),
 * for a writer that must lock the sequence before other rows, in the order pushes take them.
 */
export async function lockSequence(tx: Queryable): Promise<void> {
  await tx.query('SELECT value FROM sync_counter WHERE id = 1 FOR UPDATE');
}

/**
 * reserveSequence for a device's push: waits at most `timeoutMs` for the counter row, so one slow writer holding the
 * lock cannot pile pushes up on pooled connections; past it PostgreSQL fails with 55P03 (see isLockTimeout) and the
 * push is answered 503 with Retry-After. Other locks of the transaction keep the default (no timeout).
 */
export async function reserveSequenceWithin(tx: Queryable, count: number, timeoutMs: number): Promise<number> {
  await tx.exec(`SET LOCAL lock_timeout = '${Math.max(1, Math.floor(timeoutMs))}ms'`);
  const last = await reserveSequence(tx, count);
  await tx.exec('SET LOCAL lock_timeout TO DEFAULT');
  return last;
}

/** Tells every server instance (after commit) that a collection changed up to `seq`. */
export async function notifyChange(tx: Queryable, collection: string, seq: number): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify({ collection, seq })]);
}
