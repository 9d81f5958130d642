import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../server/src/test-support/api-client.js';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { openSse } from '../../server/src/test-support/sse-reader.js';
import { createDatabase, probePostgres, seedDirectory, type ReliabilityDatabase } from './support/databases.js';
import { spawnServer, type ServerProcess } from './support/server-process.js';

const postgres = await probePostgres();
const kind = postgres.available ? 'postgres' : 'pglite';

/**
 * The server process at its most verbose log level (trace) goes through sign-in, refresh, sign-out, pulls, pushes,
 * streams and refusals; its whole output must not contain a password, an access token or a refresh token.
 */
describe(`no password or token in the logs [${kind}]${postgres.available ? '' : ` (PostgreSQL SKIPPED: ${postgres.reason})`}`, () => {
  let database: ReliabilityDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    database = await createDatabase(kind);
    await seedDirectory(database);
    server = await spawnServer({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logLevel: 'trace' });
  }, 60_000);

  afterAll(async () => {
    await server?.kill('SIGTERM');
    await database?.dispose();
  });

  it('logs requests but never their secrets', async () => {
    const api = new ApiClient(server.url);
    const secrets: string[] = [];
    const wrongPassword = 'Wrong-Passw0rd-Zebra-7731';
    secrets.push('demo-pass-2026', wrongPassword);

    expect(
      (await api.request('POST', '/api/auth/login', { body: { email: 'agent@example.org', password: wrongPassword } })).status,
    ).toBe(401);
    expect((await api.request('POST', '/api/auth/login', { body: { email: 'agent@example.org', password: 42 } })).status).toBe(
      400,
    );
    const session = await api.login('agent@example.org');
    secrets.push(session.accessToken, session.refreshToken);
    const refreshed = await api.request<{ accessToken: string; refreshToken: string }>('POST', '/api/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    secrets.push(refreshed.body.accessToken, refreshed.body.refreshToken);
    // A used refresh token, refused: its value must not show up in the error log either. (A replay revokes its
    // chain, so it is replayed from a second sign-in, leaving this one's tokens for the steps below.)
    const second = await api.login('agent@example.org');
    secrets.push(second.accessToken, second.refreshToken);
    const rotated = await api.request<{ accessToken: string; refreshToken: string }>('POST', '/api/auth/refresh', {
      body: { refreshToken: second.refreshToken },
    });
    secrets.push(rotated.body.accessToken, rotated.body.refreshToken);
    expect((await api.request('POST', '/api/auth/refresh', { body: { refreshToken: second.refreshToken } })).status).toBe(401);

    const token = refreshed.body.accessToken;
    expect((await api.pull(token, 'tickets', 0, 10)).status).toBe(200);
    expect((await api.push(token, 'tickets', [{ newDocumentState: makeTicket({ groupId: 'grp-field' }) }])).status).toBe(200);
    expect((await api.push(token, 'tickets', [{ newDocumentState: { id: 'broken' } }])).status).toBe(422);
    const forged = `${token.slice(0, -4)}AAAA`;
    secrets.push(forged);
    expect((await api.pull(forged, 'tickets')).status).toBe(401);
    const stream = await openSse(`${server.url}/api/sync/tickets/stream`, token);
    expect(stream.status).toBe(200);
    stream.close();
    expect((await api.request('POST', '/api/auth/logout', { body: { refreshToken: refreshed.body.refreshToken } })).status).toBe(
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const output = server.output();
    // The check means something only if the requests were logged.
    expect(output).toMatch(/incoming request/);
    expect(output).toMatch(/\/api\/auth\/login/);
    expect(output).toMatch(/\/api\/sync\/tickets\/pull/);
    for (const secret of secrets) {
      expect(output.includes(secret), `a secret (${secret.slice(0, 6)}...) appears in the server log`).toBe(false);
      // Nor its distinctive parts (a JWT's signature, half of a refresh token).
      const part = secret.includes('.') ? secret.split('.')[2] : secret.slice(secret.length / 2);
      if (part && part.length >= 16) expect(output.includes(part), `part of a secret appears in the server log`).toBe(false);
    }
    expect(output).not.toMatch(/authorization":\s*"Bearer/i);
  });
});
