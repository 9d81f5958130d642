import { describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '@shared';
import { checkServerFromPage, classifyHealth, normalizeServerUrl } from './server-check.web.js';

const health = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ status: 'ok', version: '1.2.3', protocolVersion: SYNC_PROTOCOL_VERSION, ...extra });

describe('normalizeServerUrl', () => {
  it('keeps http(s) addresses without trailing slashes and refuses the rest', () => {
    expect(normalizeServerUrl(' https://Desk.Example.org/ ')).toEqual({ ok: true, url: 'https://desk.example.org' });
    expect(normalizeServerUrl('https://10.0.0.5:8787/desk/')).toEqual({ ok: true, url: 'https://10.0.0.5:8787/desk' });
    for (const bad of ['', 'desk.example.org', 'ftp://x', 'https://u:p@x', 'https://x/?a=1', 'https://x/#y', 'https://a b'])
      expect(normalizeServerUrl(bad).ok, bad).toBe(false);
  });

  it('allows plain http only to this computer', () => {
    for (const local of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:3000', 'http://127.0.1.1'])
      expect(normalizeServerUrl(local).ok, local).toBe(true);
    for (const remote of ['http://evil.example', 'http://127.0.0.1.evil.example', 'http://10.0.0.5:8787/desk'])
      expect(normalizeServerUrl(remote), remote).toMatchObject({ ok: false, httpsRequired: true });
    for (const script of ['javascript:alert(1)', 'javascript://127.0.0.1/%0aalert(1)'])
      expect(normalizeServerUrl(script), script).toEqual({
        ok: false,
        reason: 'only http:// and https:// addresses are allowed',
      });
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
    expect((await checkServerFromPage('http://evil.example')).status).toBe('https-required');
    const failing = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await checkServerFromPage('https://x', failing)).toEqual({ status: 'unreachable', reason: 'Failed to fetch' });
    const ok = (url: string | URL | Request) => {
      expect(url).toBe('https://x/api/health');
      return Promise.resolve(new Response(health(), { status: 200 }));
    };
    expect((await checkServerFromPage('https://x/', ok)).status).toBe('ok');
  });
});
