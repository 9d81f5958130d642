import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '@shared/sync/protocol.js';
import { certificateErrorCode, checkServer, type FetchLike } from './check-server.js';

const health = {
  status: 'ok',
  version: '1.4.0',
  protocolVersion: SYNC_PROTOCOL_VERSION,
  database: { kind: 'pglite', version: '17' },
};

function answer(status: number, body: unknown, headers: Record<string, string> = {}): FetchLike {
  return vi.fn(() =>
    Promise.resolve({
      status,
      headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
      text: () => Promise.resolve(typeof body === 'string' ? body : JSON.stringify(body)),
    }),
  );
}
const failing = (error: unknown): FetchLike => vi.fn(() => Promise.reject(error as Error));
const undiciError = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

describe('checkServer', () => {
  it('reports ok with the server version, calling /api/health under the base path', async () => {
    const fetch = answer(200, health);
    expect(await checkServer('https://desk.example.org/desk/', fetch)).toEqual({
      status: 'ok',
      url: 'https://desk.example.org/desk',
      version: '1.4.0',
      protocolVersion: SYNC_PROTOCOL_VERSION,
    });
    expect(fetch).toHaveBeenCalledWith(
      'https://desk.example.org/desk/api/health',
      expect.objectContaining({ redirect: 'manual' }),
    );
  });

  it('flags a different sync protocol version as incompatible', async () => {
    expect(
      await checkServer('https://d.example', answer(200, { ...health, protocolVersion: SYNC_PROTOCOL_VERSION + 1 })),
    ).toEqual({
      status: 'incompatible',
      version: '1.4.0',
      serverProtocolVersion: SYNC_PROTOCOL_VERSION + 1,
      clientProtocolVersion: SYNC_PROTOCOL_VERSION,
    });
  });

  it.each<[string, FetchLike]>([
    ['an HTML page', answer(200, '<html>hello</html>')],
    ['other JSON', answer(200, { status: 'ok' })],
    ['a null body', answer(200, 'null')],
    ['a string protocol version', answer(200, { ...health, protocolVersion: '1' })],
    ['a 404', answer(404, '')],
    ['a 401', answer(401, '')],
    ['a redirect', answer(302, '', { location: 'https://login.example/' })],
    ['an opaque redirect', answer(0, '')],
    ['a huge answer', answer(200, health, { 'content-length': String(10 * 1024 * 1024) })],
  ])('says %s is not a service desk server', async (_label, fetch) => {
    expect((await checkServer('https://d.example', fetch)).status).toBe('not-service-desk');
  });

  it.each<[string, unknown, string]>([
    ['Node: self-signed', undiciError('DEPTH_ZERO_SELF_SIGNED_CERT'), 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['Node: expired', undiciError('CERT_HAS_EXPIRED'), 'CERT_HAS_EXPIRED'],
    ['Node: wrong host', undiciError('ERR_TLS_CERT_ALTNAME_INVALID'), 'ERR_TLS_CERT_ALTNAME_INVALID'],
    ['Node: unknown CA', undiciError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
    ['Chromium: unknown CA', new Error('net::ERR_CERT_AUTHORITY_INVALID'), 'ERR_CERT_AUTHORITY_INVALID'],
    ['Chromium: expired', new Error('net::ERR_CERT_DATE_INVALID'), 'ERR_CERT_DATE_INVALID'],
    ['Chromium: wrong host', new Error('net::ERR_CERT_COMMON_NAME_INVALID'), 'ERR_CERT_COMMON_NAME_INVALID'],
  ])('maps %s to invalid-certificate', async (_label, error, code) => {
    expect(await checkServer('https://d.example', failing(error))).toEqual({ status: 'invalid-certificate', code });
  });

  it.each<[string, unknown, string]>([
    ['refused', undiciError('ECONNREFUSED'), 'ECONNREFUSED'],
    ['unknown host', undiciError('ENOTFOUND'), 'ENOTFOUND'],
    ['Chromium refused', new Error('net::ERR_CONNECTION_REFUSED'), 'net::ERR_CONNECTION_REFUSED'],
    ['timeout', new DOMException('The operation timed out.', 'TimeoutError'), 'timed out'],
    [
      'every address refused',
      new TypeError('fetch failed', { cause: Object.assign(new AggregateError([undiciError('x').cause]), {}) }),
      'x',
    ],
    ['a blocked port', new TypeError('fetch failed', { cause: new Error('bad port') }), 'bad port'],
  ])('maps %s to unreachable', async (_label, error, reason) => {
    expect(await checkServer('https://d.example', failing(error))).toEqual({ status: 'unreachable', reason });
  });

  it('treats gateway errors (server down behind a proxy) as unreachable', async () => {
    expect(await checkServer('https://d.example', answer(503, ''))).toEqual({ status: 'unreachable', reason: 'HTTP 503' });
  });

  it('refuses invalid URLs without fetching', async () => {
    const fetch = answer(200, health);
    expect((await checkServer('file:///etc/passwd', fetch)).status).toBe('invalid-url');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('tells a plain http address of another computer apart, without sending anything to it', async () => {
    const fetch = answer(200, health);
    expect(await checkServer('http://desk.example.org', fetch)).toEqual({
      status: 'https-required',
      reason: expect.stringContaining('https://') as string,
    });
    expect(fetch).not.toHaveBeenCalled();
    expect((await checkServer('http://127.0.0.1:8787', fetch)).status).toBe('ok');
  });

  it('does not take a plain error message for a certificate problem', () => {
    expect(certificateErrorCode(new Error('CERT_HAS_EXPIRED'))).toBeNull();
    expect(certificateErrorCode(null)).toBeNull();
  });
});

describe('checkServer against a real HTTP server (Node fetch)', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  const listen = (handler: Parameters<typeof createServer>[1]) =>
    new Promise<string>((resolve) => {
      server = createServer(handler).listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`),
      );
    });

  it('is ok against a health endpoint, and times out against a silent one', async () => {
    const url = await listen((request, response) => {
      if (request.url === '/api/health') response.setHeader('content-type', 'application/json').end(JSON.stringify(health));
    });
    expect(await checkServer(url, fetch)).toMatchObject({ status: 'ok', version: '1.4.0' });
    expect(await checkServer(`${url}/silent`, fetch, { timeoutMs: 200 })).toEqual({ status: 'unreachable', reason: 'timed out' });
  });

  it('is unreachable when nothing listens', async () => {
    const url = await listen(() => undefined);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect(await checkServer(url, fetch)).toEqual({ status: 'unreachable', reason: 'ECONNREFUSED' });
  });
});
