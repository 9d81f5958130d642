import { describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '@shared';
import { checkServerFromPage, classifyHealth, normalizeServerUrl } from './server-check.web.js';

const health = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ status: 'ok', version: '1.2.3', protocolVersion: SYNC_PROTOCOL_VERSION, ...extra });

describe('normalizeServerUrl', () => {
  it('keeps http(s) addresses without trailing slashes and refuses the rest', () => {
    expect(normalizeServerUrl(' https://Desk.Example.org/ ')).toEqual({ ok: true, url: 'https://desk.example.org' });
    expect(normalizeServerUrl('http://10.0.0.5:8787/desk/')).toEqual({ ok: true, url: 'http://10.0.0.5:8787/desk' });
    for (const bad of ['', 'desk.example.org', 'ftp://x', 'https://u:p@x', 'https://x/?a=1', 'https://x/#y', 'https://a b'])
      expect(normalizeServerUrl(bad).ok, bad).toBe(false);
  });
});

describe('classifyHealth', () => {
  it('recognises a compatible service desk server', () => {
    expect(classifyHealth('https://x', 200, health())).toEqual({
      status: 'ok',
      url: 'https://x',
      version: '1.2.3',
      protocolVersion: SYNC_PROTOCOL_VERSION,
    });
  });
  it('tells an incompatible version, another kind of server, and a server that is down apart', () => {
    expect(classifyHealth('https://x', 200, health({ protocolVersion: SYNC_PROTOCOL_VERSION + 1 })).status).toBe('incompatible');
    expect(classifyHealth('https://x', 200, '<html>').status).toBe('not-service-desk');
    expect(classifyHealth('https://x', 200, '{"status":"up"}').status).toBe('not-service-desk');
    expect(classifyHealth('https://x', 404, '').status).toBe('not-service-desk');
    expect(classifyHealth('https://x', 302, '').status).toBe('not-service-desk');
    expect(classifyHealth('https://x', 503, '').status).toBe('unreachable');
  });
});

describe('checkServerFromPage', () => {
  it('never throws: invalid addresses and network failures become results', async () => {
    expect((await checkServerFromPage('nope')).status).toBe('invalid-url');
    const failing = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await checkServerFromPage('https://x', failing)).toEqual({ status: 'unreachable', reason: 'Failed to fetch' });
    const ok = (url: string | URL | Request) => {
      expect(url).toBe('https://x/api/health');
      return Promise.resolve(new Response(health(), { status: 200 }));
    };
    expect((await checkServerFromPage('https://x/', ok)).status).toBe('ok');
  });
});
