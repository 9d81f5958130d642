import { BODY_LIMIT_BYTES, PUSH_ROWS_MAX, type ApiErrorBody } from '@shared';
import { SignJWT } from 'jose';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import type { ApiResponse } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeArticle } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

const expectError = (response: ApiResponse<unknown>, status: number, text?: string | RegExp): void => {
  expect(response.status).toBe(status);
  const body = response.body as ApiErrorBody;
  expect(body.statusCode).toBe(status);
  expect(typeof body.error).toBe('string');
  expect(body.message.length).toBeGreaterThan(10);
  if (text) expect(body.message).toMatch(text);
};

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('bad requests get clear 4xx errors and store nothing', backend), () => {
    // A stand-in for the built web console, served at / with SPA fallback.
    const staticDir = mkdtempSync(join(tmpdir(), 'sd-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Service Desk</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
    afterAll(() => rmSync(staticDir, { recursive: true, force: true }));
    const env = useTestServers(backend, { server: { staticDir } });
    let token = '';
    let startCounter = 0;

    const counter = async (): Promise<number> =>
      Number((await env().server.db.query<{ value: number }>('SELECT value FROM sync_counter'))[0].value);

    beforeAll(async () => {
      token = (await env().api.login(DEMO_USERS.supervisor.email)).accessToken;
      startCounter = await counter();
    });

    it('refuses malformed JSON with 400', async () => {
      const response = await env().api.request('POST', '/api/sync/kb_articles/push', {
        token,
        rawBody: '[{"newDocumentState": ',
      });
      expectError(response, 400, /not valid JSON/);
    });

    it('refuses an empty JSON body and a prototype-poisoning body with 400', async () => {
      expectError(await env().api.request('POST', '/api/sync/kb_articles/push', { token, rawBody: '' }), 400, /empty/);
      expectError(
        await env().api.request('POST', '/api/sync/kb_articles/push', {
          token,
          rawBody: '[{"__proto__": {"x": 1}, "newDocumentState": {}}]',
        }),
        400,
      );
    });

    it('refuses bodies of the wrong shape with 400 naming the field', async () => {
      const { api } = env();
      const notArray = await api.request<ApiErrorBody>('POST', '/api/sync/kb_articles/push', {
        token,
        body: { newDocumentState: makeArticle() },
      });
      expectError(notArray, 400, /JSON array/);
      const badAssumed = await api.request<ApiErrorBody>('POST', '/api/sync/kb_articles/push', {
        token,
        body: [{ assumedMasterState: 5, newDocumentState: makeArticle() }],
      });
      expectError(badAssumed, 400);
      expect(badAssumed.body.details).toContainEqual(expect.objectContaining({ field: '0.assumedMasterState' }));
      const missing = await api.request<ApiErrorBody>('POST', '/api/sync/kb_articles/push', { token, body: [{}] });
      expectError(missing, 400);
      expect(missing.body.details).toContainEqual(expect.objectContaining({ field: '0.newDocumentState' }));
      const notObject = await api.request<ApiErrorBody>('POST', '/api/sync/kb_articles/push', {
        token,
        body: [{ newDocumentState: 'text' }],
      });
      expectError(notObject, 422, /newDocumentState must be an object/);
    });

    it('refuses more than PUSH_ROWS_MAX rows with 400', async () => {
      const rows = Array.from({ length: PUSH_ROWS_MAX + 1 }, () => ({ newDocumentState: { id: 'x', _deleted: false } }));
      expectError(
        await env().api.request('POST', '/api/sync/kb_articles/push', { token, body: rows }),
        400,
        new RegExp(`at most ${PUSH_ROWS_MAX}`),
      );
    });

    it('refuses a body over the size limit with 413', async () => {
      const big = makeArticle({ body: { en: 'x'.repeat(BODY_LIMIT_BYTES), fr: '' } });
      const response = await env().api.request('POST', '/api/sync/kb_articles/push', {
        token,
        body: [{ newDocumentState: big }],
      });
      expectError(response, 413, /larger than this endpoint accepts \(8 MB for sync pushes/);
    });

    it('refuses a body that is not JSON with 415', async () => {
      const response = await env().api.request('POST', '/api/sync/kb_articles/push', {
        token,
        rawBody: 'hello',
        contentType: 'text/plain',
      });
      expectError(response, 415, /application\/json/);
    });

    it('answers 404 naming the valid collections for an unknown one', async () => {
      const { api } = env();
      for (const response of [await api.pull(token, 'users'), await api.push(token, 'users', [])]) {
        expectError(response, 404, /Unknown collection "users"\. Valid collections: tickets, ticket_events/);
      }
    });

    it('answers 404 in the same shape for unknown routes', async () => {
      expectError(await env().api.request('GET', '/api/nothing-here'), 404, /no GET \/api\/nothing-here endpoint/);
      expectError(await env().api.request('POST', '/'), 404);
    });

    it('serves the web console with SPA fallback, but never for /api', async () => {
      const { api } = env();
      for (const path of ['/', '/tickets/tkt-1', '/kb?lang=fr']) {
        const response = await fetch(`${api.baseUrl}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/html');
        expect(await response.text()).toContain('<title>Service Desk</title>');
      }
      const asset = await fetch(`${api.baseUrl}/assets/app.js`);
      expect(asset.headers.get('content-type')).toContain('javascript');
      expectError(await api.request('GET', '/api/unknown'), 404, /\/api\/health/);
    });

    it('requires a bearer token on every sync route', async () => {
      const { api } = env();
      expectError(await api.pull('', 'tickets'), 401, /Sign in first/);
      expectError(await api.push('', 'kb_articles', [{ newDocumentState: makeArticle() }]), 401, /Sign in first/);
      expectError(await api.request('GET', '/api/sync/tickets/stream'), 401, /Sign in first/);
      expectError(await api.request('GET', '/api/sync/tickets/pull', { token: 'not-a-jwt' }), 401, /invalid/);
      const basic = await fetch(`${api.baseUrl}/api/sync/tickets/pull`, { headers: { authorization: 'Basic abc' } });
      expect(basic.status).toBe(401);
    });

    it('refuses an expired token and a token signed with another secret', async () => {
      const { api, server } = env();
      const secret = (await server.db.query<{ value: string }>(`SELECT value FROM server_settings WHERE key = 'jwt_secret'`))[0]
        .value;
      const claims = { role: 'admin', groupIds: [] };
      const past = Math.floor(Date.now() / 1000) - 3600;
      const expired = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('usr-admin')
        .setIssuer('servicedesk')
        .setIssuedAt(past - 60)
        .setExpirationTime(past)
        .sign(new TextEncoder().encode(secret));
      expectError(await api.push(expired, 'kb_articles', [{ newDocumentState: makeArticle() }]), 401, /expired/);
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('usr-admin')
        .setIssuer('servicedesk')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('x'.repeat(48)));
      expectError(await api.push(forged, 'kb_articles', [{ newDocumentState: makeArticle() }]), 401, /invalid/);
      const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"usr-admin","role":"admin","groupIds":[]}').toString('base64url')}.`;
      expectError(await api.pull(unsigned, 'tickets'), 401);
    });

    it('never answers 5xx for text the database cannot store', async () => {
      const { api } = env();
      const nul = await api.request('POST', '/api/auth/login', { body: { email: 'agent\u0000@example.org', password: 'x' } });
      expectError(nul, 400);
      const article = makeArticle({ tags: ['bad\u0000tag'] });
      const response = await api.request<ApiErrorBody>('POST', '/api/sync/kb_articles/push', {
        token,
        body: [{ newDocumentState: article }],
      });
      expectError(response, 422);
      expect(response.body.details).toContainEqual(expect.objectContaining({ documentId: article.id, field: 'tags.0' }));
    });

    it('stored nothing for any of the requests above', async () => {
      expect(await counter()).toBe(startCounter);
      const all = await env().api.pullAll(token, 'kb_articles');
      expect(all.docs.size).toBe(0);
    });
  });
});
