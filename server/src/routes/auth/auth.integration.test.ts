import type { HealthResponse, LoginResponse } from '@shared';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { useTestServers } from '../../test-support/test-server.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../seed/index.js';

const backends = await testBackends();

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('health and authentication', backend), () => {
    const env = useTestServers(backend);

    it('reports health with the database kind and version', async () => {
      const { api, server } = env();
      const response = await api.request<HealthResponse>('GET', '/api/health');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'ok', protocolVersion: 1, database: { kind: backend.name } });
      expect(server.db.kind).toBe(backend.name);
      expect(response.body.database.version).toMatch(/^\d+/);
      expect(typeof response.body.version).toBe('string');
    });

    it('signs in with the demo password and returns a session', async () => {
      const { api } = env();
      const login = await api.login(DEMO_USERS.technician.email, DEMO_PASSWORD);
      expect(login.user).toEqual({
        id: 'usr-tech',
        email: 'tech@example.org',
        name: 'Théo Tremblay',
        role: 'technician',
        groupIds: ['grp-field'],
        locale: 'fr',
      });
      expect(login.expiresIn).toBe(3600);
      const claims = decodeJwt(login.accessToken);
      expect(claims).toMatchObject({ sub: 'usr-tech', role: 'technician', groupIds: ['grp-field'] });
      expect(claims.exp! - claims.iat!).toBe(3600);
      expect(login.refreshToken.length).toBeGreaterThanOrEqual(40);
    });

    it('accepts the e-mail address in any case', async () => {
      const login = await env().api.login('Agent@Example.ORG');
      expect(login.user.id).toBe('usr-agent');
    });

    it('refuses a wrong password and an unknown address with the same 401', async () => {
      const { api } = env();
      for (const email of ['agent@example.org', 'nobody@example.org']) {
        const response = await api.request('POST', '/api/auth/login', { body: { email, password: 'wrong-password' } });
        expect(response.status).toBe(401);
        expect(response.body).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          message: expect.stringContaining('e-mail address or password is incorrect') as unknown,
        });
      }
    });

    it('refuses a malformed sign-in body with 400 naming the field', async () => {
      const response = await env().api.request('POST', '/api/auth/login', { body: { email: 'agent@example.org', password: 42 } });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, details: [{ field: 'password' }] });
    });

    it('rotates refresh tokens: each works once, and a replay revokes the chain', async () => {
      const { api } = env();
      const login = await api.login(DEMO_USERS.supervisor.email);
      const first = await api.request<LoginResponse>('POST', '/api/auth/refresh', { body: { refreshToken: login.refreshToken } });
      expect(first.status).toBe(200);
      expect(first.body.user.id).toBe('usr-supervisor');
      expect(first.body.refreshToken).not.toBe(login.refreshToken);
      const second = await api.request<LoginResponse>('POST', '/api/auth/refresh', {
        body: { refreshToken: first.body.refreshToken },
      });
      expect(second.status).toBe(200);
      const reused = await api.request('POST', '/api/auth/refresh', { body: { refreshToken: login.refreshToken } });
      expect(reused.status).toBe(401);
      expect(reused.body).toMatchObject({ message: expect.stringContaining('already used') as unknown });
      // The replay means a copy is loose: the chain's live token stops working too.
      const afterReplay = await api.request('POST', '/api/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
      expect(afterReplay.status).toBe(401);
      const again = await api.login(DEMO_USERS.supervisor.email);
      second.body = (
        await api.request<LoginResponse>('POST', '/api/auth/refresh', { body: { refreshToken: again.refreshToken } })
      ).body;
      // The new access token works on the sync API.
      const pull = await api.pull(second.body.accessToken, 'directory', null, 1);
      expect(pull.status).toBe(200);
    });

    it('revokes a refresh token on logout', async () => {
      const { api } = env();
      const login = await api.login(DEMO_USERS.admin.email);
      const logout = await api.request('POST', '/api/auth/logout', { body: { refreshToken: login.refreshToken } });
      expect(logout.status).toBe(200);
      const refresh = await api.request('POST', '/api/auth/refresh', { body: { refreshToken: login.refreshToken } });
      expect(refresh.status).toBe(401);
    });

    it('stores password hashes, never passwords', async () => {
      const rows = await env().server.db.query<{ password_hash: string }>('SELECT password_hash FROM credentials');
      expect(rows.length).toBeGreaterThanOrEqual(24);
      for (const row of rows) {
        expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
        expect(row.password_hash).not.toContain(DEMO_PASSWORD);
      }
      expect(new Set(rows.map((r) => r.password_hash)).size).toBe(rows.length);
    });
  });
});
