import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { ApiClient, type Doc } from '../../server/src/test-support/api-client.js';
import { openSse } from '../../server/src/test-support/sse-reader.js';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { createDatabase, probePostgres, seedDirectory, type ReliabilityDatabase } from './support/databases.js';

const postgres = await probePostgres();
const kind = postgres.available ? 'postgres' : 'pglite';
const PASSWORD = 'demo-pass-2026';

const b64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe(`access tokens and sign-in protection [${kind}]${postgres.available ? '' : ` (PostgreSQL SKIPPED: ${postgres.reason})`}`, () => {
  let database: ReliabilityDatabase;
  let server: RunningServer;
  let api: ApiClient;
  let secret: Uint8Array;

  beforeAll(async () => {
    database = await createDatabase(kind);
    await seedDirectory(database);
    server = await startServer({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logLevel: 'silent' });
    api = new ApiClient(server.url);
    const rows = await server.db.query<{ value: string }>(`SELECT value FROM server_settings WHERE key = 'jwt_secret'`);
    secret = new TextEncoder().encode(rows[0].value);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  const claims = { role: 'admin', groupIds: [] as string[] };
  const sign = (alg: string, key: Uint8Array, expires: string | number = '1h', payload: Record<string, unknown> = claims) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg, typ: 'JWT' })
      .setSubject('usr-admin')
      .setIssuer('servicedesk')
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(key);

  /** Every authenticated endpoint refuses the token with 401 and the shared error body. */
  async function expectRefusedEverywhere(token: string, message: RegExp): Promise<void> {
    const pull = await api.pull(token, 'tickets');
    expect(pull.status).toBe(401);
    expect(pull.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.stringMatching(message) as unknown,
    });
    const push = await api.push(token, 'tickets', [{ newDocumentState: makeTicket() }]);
    expect(push.status).toBe(401);
    const stream = await openSse(`${server.url}/api/sync/tickets/stream`, token);
    expect(stream.status).toBe(401);
    stream.close();
  }

  it('accepts a token it signed (the control case)', async () => {
    const token = await sign('HS256', secret);
    expect((await api.pull(token, 'tickets')).status).toBe(200);
  });

  it('refuses an expired token', async () => {
    await expectRefusedEverywhere(await sign('HS256', secret, Math.floor(Date.now() / 1000) - 60), /expired/);
  });

  it('refuses a token with a forged signature, and one signed with another secret', async () => {
    const good = await sign('HS256', secret);
    const [header, payload] = good.split('.');
    const original = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const elevated = b64url({ ...original, role: 'admin', sub: 'usr-tech' });
    await expectRefusedEverywhere(`${header}.${elevated}.${good.split('.')[2]}`, /invalid/);
    await expectRefusedEverywhere(await sign('HS256', new TextEncoder().encode('x'.repeat(48))), /invalid/);
  });

  it('refuses the "none" algorithm and algorithms other than HS256', async () => {
    const payload = {
      sub: 'usr-admin',
      iss: 'servicedesk',
      role: 'admin',
      groupIds: [],
      exp: Math.floor(Date.now() / 1000) + 3600,
    };
    await expectRefusedEverywhere(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`, /invalid/);
    await expectRefusedEverywhere(`${b64url({ alg: 'none' })}.${b64url(payload)}`, /invalid/);
    await expectRefusedEverywhere(await sign('HS512', secret), /invalid/);
    await expectRefusedEverywhere(await sign('HS384', secret), /invalid/);
  });

  it('refuses tokens of a user deactivated, removed or given another role after they were issued', async () => {
    const admin = await api.login('admin@example.org', PASSWORD);
    const directory = (await api.pullAll(admin.accessToken, 'directory')).docs;
    const update = async (id: string, change: Partial<Doc>): Promise<void> => {
      const master = directory.get(id)!;
      const next = { ...master, ...change, updatedAt: Number(master.updatedAt) + 1 };
      const response = await api.push(admin.accessToken, 'directory', [{ assumedMasterState: master, newDocumentState: next }]);
      expect(response.body).toEqual([]);
      directory.set(id, next);
    };

    const agent = await api.login('chloe.bouchard@example.org', PASSWORD);
    expect((await api.pull(agent.accessToken, 'tickets')).status).toBe(200);
    await update('usr-0001', { active: false });
    await expectRefusedEverywhere(agent.accessToken, /deactivated/);
    const refreshed = await api.request('POST', '/api/auth/refresh', { body: { refreshToken: agent.refreshToken } });
    expect(refreshed.status).toBe(403);
    // Right and wrong password get the same answer: a deactivated account never confirms its password.
    const right = await api.request('POST', '/api/auth/login', {
      body: { email: 'chloe.bouchard@example.org', password: PASSWORD },
    });
    const wrong = await api.request('POST', '/api/auth/login', {
      body: { email: 'chloe.bouchard@example.org', password: 'not-it' },
    });
    expect(right.status).toBe(403);
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual(right.body);

    const removed = await api.login('liam.wilson@example.org', PASSWORD);
    await update('usr-0002', { _deleted: true });
    await expectRefusedEverywhere(removed.accessToken, /no longer exists/);

    const demoted = await api.login('grace.thompson@example.org', PASSWORD);
    await update('usr-0015', { role: 'agent' });
    await expectRefusedEverywhere(demoted.accessToken, /role or groups changed/);
    const renewed = await api.request<{ accessToken: string; user: { role: string } }>('POST', '/api/auth/refresh', {
      body: { refreshToken: demoted.refreshToken },
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.user.role).toBe('agent');
    expect((await api.pull(renewed.body.accessToken, 'tickets')).status).toBe(200);
  });

  it('revokes the whole refresh chain when a rotated refresh token is used again, and on sign-out', async () => {
    const refresh = (refreshToken: string) =>
      api.request<{ refreshToken: string }>('POST', '/api/auth/refresh', { body: { refreshToken } });
    const first = await api.login('noah.campbell@example.org', PASSWORD);
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);
    // A stolen copy of the first token is replayed: it fails, and so does every token issued from it.
    expect((await refresh(first.refreshToken)).status).toBe(401);
    expect((await refresh(third.body.refreshToken)).status).toBe(401);
    // Another sign-in of the same user is its own chain and keeps working.
    const other = await api.login('noah.campbell@example.org', PASSWORD);
    const afterOther = await refresh(other.refreshToken);
    expect(afterOther.status).toBe(200);

    // Signing out with a rotated-from chain's live token ends the chain.
    const next = await refresh(afterOther.body.refreshToken);
    await api.request('POST', '/api/auth/logout', { body: { refreshToken: next.body.refreshToken } });
    expect((await refresh(next.body.refreshToken)).status).toBe(401);
  });

  it('refuses the access token of a signed-out session, and of a chain revoked by a replay, until it expires', async () => {
    const session = await api.login('noah.campbell@example.org', PASSWORD);
    const other = await api.login('noah.campbell@example.org', PASSWORD);
    expect((await api.pull(session.accessToken, 'tickets')).status).toBe(200);
    await api.request('POST', '/api/auth/logout', { body: { refreshToken: session.refreshToken } });
    await expectRefusedEverywhere(session.accessToken, /sign-in has ended/);
    // The user's other sign-in (another device) is untouched.
    expect((await api.pull(other.accessToken, 'tickets')).status).toBe(200);

    const rotated = await api.request<{ accessToken: string }>('POST', '/api/auth/refresh', {
      body: { refreshToken: other.refreshToken },
    });
    expect((await api.request('POST', '/api/auth/refresh', { body: { refreshToken: other.refreshToken } })).status).toBe(401);
    await expectRefusedEverywhere(rotated.body.accessToken, /sign-in has ended/);
  });

  it('prunes expired refresh tokens as new ones are issued', async () => {
    await server.db.query(
      `INSERT INTO refresh_tokens (token_hash, user_id, expires_at, family_id) VALUES ('stale-hash', 'usr-admin', now() - interval '3 days', 'stale')`,
    );
    await api.login('admin@example.org', PASSWORD);
    const left = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE expires_at < now() - interval '1 day'`,
    );
    expect(left[0].n).toBe(0);
  });

  it('locks sign-in for an address and e-mail after 10 failures, even with the right password, without locking others', async () => {
    const attempt = (email: string, password: string) => api.request('POST', '/api/auth/login', { body: { email, password } });
    for (let i = 0; i < 10; i++) expect((await attempt('emilie.cote@example.org', `wrong-${i}`)).status).toBe(401);
    const locked = await attempt('emilie.cote@example.org', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/Too many failed sign-ins/) as unknown,
    });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    // Case and spaces do not get around it; another account from the same address is not affected.
    expect((await attempt(' EMILIE.COTE@example.org ', PASSWORD)).status).toBe(429);
    // A Unicode case variant the database matches to the same account (PostgreSQL lower('İ') = 'i', while
    // JavaScript lower-cases it to 'i' + combining dot) is the same account, so the same lock.
    expect((await attempt('EMİLİE.COTE@example.org', PASSWORD)).status).toBe(429);
    expect((await attempt('noah.campbell@example.org', PASSWORD)).status).toBe(200);
  });
});

describe(`per-address request limit on sign-in [${kind}]`, () => {
  let database: ReliabilityDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createDatabase(kind);
    await seedDirectory(database);
    server = await startServer({
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      logLevel: 'silent',
      loginLimits: { requestsPerMinute: 5 },
    });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it('answers 429 with Retry-After once an address sends more sign-in requests a minute than allowed', async () => {
    const api = new ApiClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await api.request('POST', '/api/auth/login', { body: { email: `nobody${i}@example.org`, password: 'x' } })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const limited = await api.request('POST', '/api/auth/login', { body: { email: 'agent@example.org', password: PASSWORD } });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      statusCode: 429,
      message: expect.stringMatching(/Too many sign-in requests/) as unknown,
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Sync routes are not limited by it.
    expect((await api.request('GET', '/api/health')).status).toBe(200);
  });
});
