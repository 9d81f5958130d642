import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { ApiClient, type ApiResponse } from '../../server/src/test-support/api-client.js';
import { makeEvent, makeTicket } from '../../server/src/test-support/fixtures.js';
import { openSse } from '../../server/src/test-support/sse-reader.js';
import {
  POSTGRES_TEST_URL,
  createDatabase,
  probePostgres,
  seedDirectory,
  type ReliabilityDatabase,
} from './support/databases.js';

const postgres = await probePostgres();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs SQL on the maintenance database (not the one under test). */
async function admin(sql: string, params: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

const terminateBackends = (name: string): Promise<number> =>
  admin('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);

/** Retries a request until it answers something other than 503 (the server recovers by itself). */
async function until<T>(request: () => Promise<ApiResponse<T>>, timeoutMs = 15_000): Promise<ApiResponse<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const response = await request();
    if (response.status !== 503 || Date.now() > end) return response;
    await sleep(100);
  }
}

describe.skipIf(!postgres.available)(
  postgres.available
    ? 'PostgreSQL connections dropped under load [postgres]'
    : `PostgreSQL connections dropped under load [postgres] SKIPPED: ${postgres.reason} (PGlite has no connections to drop)`,
  () => {
    let database: ReliabilityDatabase;
    let server: RunningServer;
    let api: ApiClient;
    let token: string;
    let name: string;
    const ticket = makeTicket({ groupId: 'grp-field' });

    beforeAll(async () => {
      database = await createDatabase('postgres');
      name = new URL(database.databaseUrl!).pathname.slice(1);
      await seedDirectory(database);
      server = await startServer({ databaseUrl: database.databaseUrl, logLevel: 'silent' });
      api = new ApiClient(server.url);
      token = (await api.login('supervisor@example.org')).accessToken;
      // As stored: numbered by the server, in the supervisor's name.
      Object.assign(ticket, ...(await api.create(token, 'tickets', [ticket])));
    }, 60_000);

    afterAll(async () => {
      if (name) await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
      await server?.close();
      await database?.dispose();
    });

    it('terminating every backend during pushes and pulls: clear 503s meanwhile, recovery without a restart, live stream resumes', async () => {
      const stream = await openSse(`${server.url}/api/sync/ticket_events/stream`, token);
      expect(stream.status).toBe(200);
      const statuses: number[] = [];
      const unavailable: unknown[] = [];
      const written: string[] = [];
      let running = true;
      const record = (response: ApiResponse<unknown>): void => {
        statuses.push(response.status);
        if (response.status === 503) unavailable.push(response.body);
      };
      const pushLoop = async (): Promise<void> => {
        while (running) {
          const events = Array.from({ length: 50 }, () => makeEvent(ticket.id, 'usr-supervisor'));
          const rows = events.map((newDocumentState) => ({ newDocumentState }));
          const response = await api.push(token, 'ticket_events', rows);
          record(response);
          // A 503 is a request to send it again: the retry must go through once the database is back.
          const final = response.status === 503 ? await until(() => api.push(token, 'ticket_events', rows)) : response;
          if (final.status === 200) written.push(...events.map((e) => e.id));
        }
      };
      const pullLoop = async (): Promise<void> => {
        while (running) record(await api.pull(token, 'ticket_events', 0, 500));
      };
      const loops = [pushLoop(), pushLoop(), pullLoop(), pullLoop()];
      await sleep(400);
      let terminated = 0;
      for (let i = 0; i < 3; i++) {
        terminated += await terminateBackends(name);
        await sleep(300);
      }
      running = false;
      await Promise.all(loops);
      expect(terminated, 'backends were terminated').toBeGreaterThan(0);

      // Only successes and clear 503s: never a 500, never a hang.
      expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      for (const body of unavailable) {
        expect(body).toMatchObject({
          statusCode: 503,
          error: 'Service Unavailable',
          message: expect.stringMatching(/database is unreachable right now/) as unknown,
        });
      }
      // Recovered without a restart: every acknowledged push is stored.
      expect((await until(() => api.pull(token, 'ticket_events', 0, 1))).status).toBe(200);
      const stored = [...(await api.pullAll(token, 'ticket_events', null, 2000)).docs.keys()];
      expect(stored.length).toBe(written.length);
      expect(new Set(stored)).toEqual(new Set(written));
      // The notification connection came back: a new change reaches the open live stream.
      await sleep(1000);
      const before = stream.messages.length;
      expect(
        (await until(() => api.push(token, 'ticket_events', [{ newDocumentState: makeEvent(ticket.id, 'usr-supervisor') }])))
          .status,
      ).toBe(200);
      await stream.waitFor('RESYNC', before + 1, 10_000);
      stream.close();
      console.log(
        `outage: ${terminated} backends terminated; ${statuses.length} requests: ${statuses.filter((s) => s === 200).length} ok, ${unavailable.length} clear 503s`,
      );
    }, 60_000);

    it('while the database refuses connections: 503 with a clear message (health too), then recovery', async () => {
      const stream = await openSse(`${server.url}/api/sync/tickets/stream`, token);
      await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
      await terminateBackends(name);
      const pull = await api.pull(token, 'tickets');
      expect(pull.status).toBe(503);
      expect(pull.body).toMatchObject({
        statusCode: 503,
        message: expect.stringMatching(/database is unreachable right now.*Try again/) as unknown,
      });
      expect(pull.headers.get('retry-after')).toBe('2');
      const push = await api.push(token, 'tickets', [{ newDocumentState: makeTicket({ groupId: 'grp-field' }) }]);
      expect(push.status).toBe(503);
      const health = await api.request('GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ message: expect.stringMatching(/database is unreachable/i) as unknown });

      await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
      expect((await until(() => api.pull(token, 'tickets'))).status).toBe(200);
      expect((await api.request('GET', '/api/health')).status).toBe(200);
      // LISTEN reconnects with backoff: a change made after recovery reaches the stream.
      const before = stream.messages.length;
      const master = (await api.pullAll(token, 'tickets')).docs.get(ticket.id)!;
      const changed = { ...master, title: 'After the outage' };
      expect((await api.push(token, 'tickets', [{ assumedMasterState: master, newDocumentState: changed }])).body).toEqual([]);
      await stream.waitFor('RESYNC', before + 1, 20_000);
      stream.close();
    }, 60_000);
  },
);
