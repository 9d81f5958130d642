import { STREAM_RESYNC } from '@shared';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeArticle, makeTicket } from '../../test-support/fixtures.js';
import { openSse } from '../../test-support/sse-reader.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('live stream', backend), () => {
    // Every hint checks the caller's token again (30 s apart in production), so a revocation shows at once.
    const env = useTestServers(backend, { server: { streamRecheckMs: 0 } });

    it("sends RESYNC to a collection's stream after a push, and only to that collection", async () => {
      const { api, server } = env();
      const token = (await api.login(DEMO_USERS.supervisor.email)).accessToken;
      const articles = await openSse(`${server.url}/api/sync/kb_articles/stream`, token);
      const surveys = await openSse(`${server.url}/api/sync/surveys/stream`, token);
      try {
        expect(articles.status).toBe(200);
        expect(articles.messages).toEqual([]);
        await api.push(token, 'kb_articles', [{ newDocumentState: makeArticle() }]);
        await articles.waitFor(STREAM_RESYNC);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(surveys.messages).toEqual([]);
        expect(articles.raw()).toContain(': connected');
      } finally {
        articles.close();
        surveys.close();
      }
    });

    it('sends RESYNC on ticket_events when a ticket changes scope', async () => {
      const { api, server } = env();
      const token = (await api.login(DEMO_USERS.admin.email)).accessToken;
      const [ticket] = await api.create(token, 'tickets', [makeTicket({ groupId: 'grp-apps' })]);
      await api.push(token, 'ticket_events', [
        {
          newDocumentState: {
            id: `ev-${ticket.id}`,
            ticketId: ticket.id,
            kind: 'comment',
            authorId: 'usr-admin',
            occurredAt: 1,
            body: 'x',
            minutes: 0,
            fromValue: '',
            toValue: '',
            _deleted: false,
          },
        },
      ]);
      const events = await openSse(`${server.url}/api/sync/ticket_events/stream`, token);
      try {
        await api.push(token, 'tickets', [{ assumedMasterState: ticket, newDocumentState: { ...ticket, groupId: 'grp-field' } }]);
        await events.waitFor(STREAM_RESYNC);
      } finally {
        events.close();
      }
    });

    it('refuses a stream without a valid token, and ignores a token in the query string', async () => {
      const { api, server } = env();
      const token = (await api.login(DEMO_USERS.agent.email)).accessToken;
      const anonymous = await openSse(`${server.url}/api/sync/tickets/stream?token=${token}`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toMatchObject({ statusCode: 401 });
      const unknown = await openSse(`${server.url}/api/sync/nope/stream`, token);
      expect(unknown.status).toBe(404);
    });

    it('ends a stream whose sign-in has ended instead of serving it', async () => {
      const { api, server } = env();
      const agent = await api.login(DEMO_USERS.agent.email);
      const admin = (await api.login(DEMO_USERS.admin.email)).accessToken;
      const stream = await openSse(`${server.url}/api/sync/tickets/stream`, agent.accessToken);
      try {
        await api.create(admin, 'tickets', [makeTicket()]);
        await stream.waitFor(STREAM_RESYNC);
        const served = stream.messages.length;
        const logout = await api.request('POST', '/api/auth/logout', { body: { refreshToken: agent.refreshToken } });
        expect(logout.status).toBe(200);
        await api.create(admin, 'tickets', [makeTicket()]);
        await stream.ended;
        expect(stream.messages).toHaveLength(served);
      } finally {
        stream.close();
      }
    });

    it('ends a stream whose sign-in has ended even while its collection stays quiet', async () => {
      const { api, server } = env();
      const agent = await api.login(DEMO_USERS.agent.email);
      const stream = await openSse(`${server.url}/api/sync/kb_articles/stream`, agent.accessToken);
      try {
        const logout = await api.request('POST', '/api/auth/logout', { body: { refreshToken: agent.refreshToken } });
        expect(logout.status).toBe(200);
        // Nothing is written: only the stream's own clock can notice the ended sign-in.
        await stream.ended;
        expect(stream.messages).toHaveLength(0);
      } finally {
        stream.close();
      }
    });
  });

  describe.skipIf(!backend.available || backend.name !== 'postgres')(
    backend.name === 'postgres'
      ? variantTitle('two instances on one database', backend)
      : `two instances on one database [${backend.name}] SKIPPED: PGlite is embedded in one process; only PostgreSQL is shared by instances`,
    () => {
      const env = useTestServers(backend, { instances: 2 });

      it('delivers a push to instance A as RESYNC on a stream of instance B (LISTEN/NOTIFY)', async () => {
        const { apis, servers } = env();
        const token = (await apis[0].login(DEMO_USERS.supervisor.email)).accessToken;
        const onB = await openSse(`${servers[1].url}/api/sync/kb_articles/stream`, token);
        try {
          const article = makeArticle();
          expect((await apis[0].push(token, 'kb_articles', [{ newDocumentState: article }])).body).toEqual([]);
          await onB.waitFor(STREAM_RESYNC);
          // B serves what A wrote, and accepts A's token (shared secret in the database).
          const pulled = await apis[1].pullAll(token, 'kb_articles');
          expect(pulled.docs.get(article.id)).toEqual(article);
        } finally {
          onB.close();
        }
      });
    },
  );
});
