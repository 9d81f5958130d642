import pg from 'pg';
import type { Database, Queryable, ReconnectHandler, SqlParam } from './database.js';

type Logger = (message: string, error?: unknown) => void;

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R extends object>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
      const result = await target.query<R & pg.QueryResultRow>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await target.query(sql);
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
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', (error) => {
      if (stopped) return;
      log('notification connection failed; reconnecting', error);
      scheduleReconnect();
    });
    next.on('end', () => scheduleReconnect());
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
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

/** Opens a pg connection pool on a PostgreSQL server. */
export async function openPostgresDatabase(connectionString: string, log: Logger = () => undefined): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  let closing = false;
  // Connections torn down while shutting down may still report errors: those are expected, not news.
  pool.on('error', (error) => {
    if (!closing) log('idle PostgreSQL connection failed', error);
  });
  // Fail fast with a clear error when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const self = wrap(pool);
  return {
    kind: 'postgres',
    ...self,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onNotify, onReconnect) => listenWithReconnect(connectionString, channel, onNotify, onReconnect, log),
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}
