import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { reserveSequence } from '../../db/queries/sequence.js';
import { DEMO_USERS } from '../../seed/index.js';
import { PUSH_BUSY_RETRY_AFTER_S, PUSH_LOCK_TIMEOUT_MS } from '../../services/sync/push-service.js';
import { POSTGRES_TEST_URL, testBackends, variantTitle } from '../../test-support/backends.js';
import { makeArticle } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

// PGlite runs one statement at a time on one connection: a writer holding the lock would hold the whole database.
const backends = (await testBackends()).filter((b) => b.name === 'postgres');

/**
 * Issue 16, item 2: one slow writer must not take the instance down. A push waits for the sequence lock at most
 * PUSH_LOCK_TIMEOUT_MS, then is answered 503 with Retry-After and nothing written; pulls and health go on meanwhile.
 */
describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('a push behind a slow writer', backend), () => {
    const env = useTestServers(backend);

    it('is answered 503 with Retry-After after the lock timeout, writes nothing, and passes once the writer is done', async () => {
      const { server, api } = env();
      const token = (await api.login(DEMO_USERS.supervisor.email)).accessToken;
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (holding = resolve));
      // The slow writer: holds the sequence lock until released, as a long re-sequencing would.
      const writer = server.db.transaction(async (tx) => {
        await reserveSequence(tx, 1);
        holding();
        await released;
      });
      await held;
      const databaseUrl = new URL(POSTGRES_TEST_URL);
      databaseUrl.pathname = `/${(await server.db.reads.query<{ name: string }>('SELECT current_database() AS name'))[0].name}`;
      try {
        const article = makeArticle({ id: `kb-behind-writer-${Date.now()}`, version: 1 });
        const started = Date.now();
        // More pushes than the instance has write connections: every one is taken while they wait for the lock.
        const finished: string[] = [];
        const track = <T>(name: string, request: Promise<T>): Promise<T> =>
          request.then((result) => {
            finished.push(name);
            return result;
          });
        const others = Array.from({ length: 10 }, (_, i) =>
          track(
            'push',
            api.push(token, 'kb_articles', [{ newDocumentState: makeArticle({ id: `kb-queued-${i}-${Date.now()}` }) }]),
          ),
        );
        const refusedPush = track('push', api.push(token, 'kb_articles', [{ newDocumentState: article }]));
        // Reads go out once every write connection is waiting on the lock (seen from outside the server's pools).
        const watcher = new pg.Client({ connectionString: databaseUrl.toString() });
        await watcher.connect();
        try {
          const waiting = async () =>
            (
              await watcher.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
              )
            ).rows[0].n;
          await expect.poll(waiting, { timeout: PUSH_LOCK_TIMEOUT_MS, interval: 20 }).toBeGreaterThanOrEqual(9);
        } finally {
          await watcher.end();
        }
        const [refused, pulled, health] = await Promise.all([
          refusedPush,
          track('pull', api.pull(token, 'kb_articles', null, 5)),
          track('health', api.request('GET', '/api/health')),
        ]);
        const waited = Date.now() - started;
        expect((await Promise.all(others)).map((r) => r.status)).toEqual(others.map(() => 503));
        // Reads have connections of their own: they answered before any push gave up waiting.
        expect(finished.slice(0, 2).sort()).toEqual(['health', 'pull']);
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe(String(PUSH_BUSY_RETRY_AFTER_S));
        expect(JSON.stringify(refused.body)).toMatch(/nothing of this push was saved/i);
        expect(waited).toBeGreaterThanOrEqual(PUSH_LOCK_TIMEOUT_MS - 100);
        // Reads did not queue behind the writer.
        expect(pulled.status).toBe(200);
        expect(health.status).toBe(200);

        release();
        await writer;
        const accepted = await api.push(token, 'kb_articles', [{ newDocumentState: article }]);
        expect(accepted.status).toBe(200);
        const all = await api.pull(token, 'kb_articles', null, 1000);
        expect(all.body.documents.filter((d) => d.id === article.id)).toHaveLength(1);
      } finally {
        release();
        await writer.catch(() => undefined);
      }
    }, 30_000);
  });
});
