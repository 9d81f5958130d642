import pg from 'pg';
import type { Database, Queryable, ReconnectHandler, SqlParam } from './database.js';
import { classifyDatabaseError, isConnectionError } from './unavailable.js';

type Logger = (message: string, error?: unknown) => void;

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R extends object>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
      try {
        const result = await target.query<R & pg.QueryResultRow>(sql, [...params]);
        return result.rows;
      } catch (error) {
        throw classifyDatabaseError(error);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await target.query(sql);
      } catch (error) {
        throw classifyDatabaseError(error);
      }
    },
  };
}

/** A dedicated connection that LISTENs and reconnects with backoff when the connection drops. */
function listenWithReconnect(
  connectionString: string,
  channel: string,
  onNotify: (payload: string) => void,
  onReconnect: ReconnectHandler | undefined,
  log: Logger,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (isReconnect: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    // Only the current connection may trigger a reconnect: a failed attempt ending later must not drop a good one.
    next.on('error', (error) => {
      if (stopped || client !== next) return;
      log('notification connection failed; reconnecting', error);
      scheduleReconnect();
    });
    next.on('end', () => {
      if (client === next) scheduleReconnect();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      next.removeAllListeners('end');
      next.on('error', () => undefined);
      void next.end().catch(() => undefined);
      throw classifyDatabaseError(error);
    }
    if (stopped) {
      void next.end().catch(() => undefined);
      return;
    }
    client = next;
    attempt = 0;
    if (isReconnect) onReconnect?.();
  };

  const scheduleReconnect = (): void => {
    if (stopped || timer) return;
    const old = client;
    client = undefined;
    old?.removeAllListeners('end');
    void old?.end().catch(() => undefined);
    const delay = Math.min(30_000, 250 * 2 ** attempt++);
    timer = setTimeout(() => {
      timer = undefined;
      connect(true).catch((error: unknown) => {
        log('could not re-establish the notification connection', error);
        scheduleReconnect();
      });
    }, delay);
  };

  return connect(false).then(() => async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const current = client;
    client = undefined;
    if (current) {
      current.removeAllListeners('end');
      await current.end().catch(() => undefined);
    }
  });
}

/** Connections kept for reads, next to the 10 for everything else. */
const READ_POOL_SIZE = 5;

/** Opens a pg connection pool on a PostgreSQL server. */
export async function openPostgresDatabase(connectionString: string, log: Logger = () => undefined): Promise<Database> {
  // A bounded wait for a connection: while PostgreSQL is down, requests fail with a 503 instead of hanging.
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000 });
  // Reads (pulls, health) have their own connections: writers waiting on the sequence lock never starve them.
  const readPool = new pg.Pool({ connectionString, max: READ_POOL_SIZE, connectionTimeoutMillis: 5000 });
  let closing = false;
  // Connections torn down while shutting down may still report errors: those are expected, not news.
  for (const p of [pool, readPool]) {
    p.on('error', (error) => {
      if (!closing) log('idle PostgreSQL connection failed', error);
    });
  }
  // Fail fast with a clear error when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const self = wrap(pool);
  return {
    kind: 'postgres',
    ...self,
    reads: wrap(readPool),
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw classifyDatabaseError(error);
      }
      let broken: Error | undefined;
      // A checked-out client is not watched by the pool: a connection dropped between two statements would
      // otherwise be an unhandled 'error' event and end the process. The failing statement reports it.
      const onError = (error: Error): void => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that failed is discarded, never handed to the next request.
        if (isConnectionError(error)) broken = error instanceof Error ? error : new Error(String(error));
        else await client.query('ROLLBACK').catch(() => undefined);
        throw classifyDatabaseError(error);
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    listen: (channel, onNotify, onReconnect) => listenWithReconnect(connectionString, channel, onNotify, onReconnect, log),
    close: async () => {
      closing = true;
      await Promise.all([pool.end(), readPool.end()]);
    },
  };
}
