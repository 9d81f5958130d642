import { describe, expect, it } from 'vitest';
import { testBackends, variantTitle } from '../test-support/backends.js';
import { useTestServers } from '../test-support/test-server.js';

// CORS is decided before any route touches the database: one backend is enough.
const backends = (await testBackends()).filter((b) => b.name === 'pglite');

/** A browser's preflight before an authenticated pull from a page at `origin`. */
function preflight(baseUrl: string, origin: string): Promise<Response> {
  return fetch(`${baseUrl}/api/sync/tickets/pull`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });
}

/** The origin a browser would let the page at `origin` read the answer from, after the preflight and a GET. */
async function allowedFor(baseUrl: string, origin: string): Promise<(string | null)[]> {
  const before = await preflight(baseUrl, origin);
  const get = await fetch(`${baseUrl}/api/health`, { headers: { origin } });
  return [before.headers.get('access-control-allow-origin'), get.headers.get('access-control-allow-origin')];
}

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('CORS with CONSOLE_ORIGINS set', backend), () => {
    const env = useTestServers(backend, { server: { consoleOrigins: ['https://desk.example.org'] } });

    it('answers the configured console origin, with the headers a signed-in console sends', async () => {
      const { api } = env();
      expect(await allowedFor(api.baseUrl, 'https://desk.example.org')).toEqual([
        'https://desk.example.org',
        'https://desk.example.org',
      ]);
      const answer = await preflight(api.baseUrl, 'https://desk.example.org');
      expect(answer.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(answer.headers.get('vary')?.toLowerCase()).toContain('origin');
    });

    it.each(['null', 'http://localhost:5173', 'http://127.0.0.1:3000', 'https://desk.example.org.evil.example'])(
      'lets no other page read the API: %s',
      async (origin) => {
        expect(await allowedFor(env().api.baseUrl, origin)).toEqual([null, null]);
      },
    );
  });

  describe.skipIf(!backend.available)(variantTitle('CORS by default', backend), () => {
    const env = useTestServers(backend);

    it('answers the desktop app, whose file:// pages send Origin: null', async () => {
      expect(await allowedFor(env().api.baseUrl, 'null')).toEqual(['null', 'null']);
    });

    it.each(['http://localhost:5173', 'http://127.0.0.1:9999', 'http://[::1]:3000', 'https://evil.example'])(
      'answers no web page, not even one on another localhost port: %s',
      async (origin) => {
        expect(await allowedFor(env().api.baseUrl, origin)).toEqual([null, null]);
      },
    );
  });
});
