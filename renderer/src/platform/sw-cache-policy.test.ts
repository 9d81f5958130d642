import { describe, expect, it } from 'vitest';
import { swMayCache, swRoute, type CacheableResponse } from './sw-cache-policy.js';

const SCOPE = 'https://desk.example.org/';
const BUILD = ['./', './index.html', './assets/index-abc123.js', './assets/index-def456.css', './favicon.svg'];

function response(headers: Record<string, string>, overrides: Partial<CacheableResponse> = {}): CacheableResponse {
  return { status: 200, type: 'basic', redirected: false, headers: new Headers(headers), ...overrides };
}
const html = (extra: Record<string, string> = {}) => response({ 'content-type': 'text/html; charset=utf-8', ...extra });

describe('swRoute', () => {
  it.each([
    'https://desk.example.org/',
    'https://desk.example.org/index.html',
    'https://desk.example.org/?lang=fr#/tickets/INC0001001',
  ])('treats a page load of %s as the console shell', (url) => {
    expect(swRoute(url, 'navigate', SCOPE, BUILD)).toBe('shell');
  });

  it.each([
    'https://desk.example.org/survey/AbCdEf0123456789',
    'https://desk.example.org/survey/AbCdEf0123456789?lang=fr',
    'https://desk.example.org/tickets/INC0001001',
    'https://desk.example.org/api/health',
    'https://desk.example.org/assets/index-abc123.js',
    'https://evil.example/',
  ])('leaves any other page load to the network: %s', (url) => {
    expect(swRoute(url, 'navigate', SCOPE, BUILD)).toBe('network');
  });

  it('serves the build files, and nothing else, as assets', () => {
    expect(swRoute('https://desk.example.org/assets/index-abc123.js', 'cors', SCOPE, BUILD)).toBe('asset');
    expect(swRoute('https://desk.example.org/favicon.svg', 'no-cors', SCOPE, BUILD)).toBe('asset');
    for (const url of [
      'https://desk.example.org/assets/index-abc123.js?v=2',
      'https://desk.example.org/assets/other.js',
      'https://desk.example.org/survey/AbCdEf0123456789',
      'https://desk.example.org/api/sync/tickets/pull',
      'https://cdn.example/assets/index-abc123.js',
    ])
      expect(swRoute(url, 'cors', SCOPE, BUILD), url).toBe('network');
  });

  it('works for a console served under a path', () => {
    const scope = 'https://example.org/desk/';
    expect(swRoute('https://example.org/desk/', 'navigate', scope, BUILD)).toBe('shell');
    expect(swRoute('https://example.org/desk/assets/index-abc123.js', 'cors', scope, BUILD)).toBe('asset');
    expect(swRoute('https://example.org/', 'navigate', scope, BUILD)).toBe('network');
    expect(swRoute('https://example.org/assets/index-abc123.js', 'cors', scope, BUILD)).toBe('network');
  });
});

describe('swMayCache', () => {
  it('keeps the console shell and build files the server let it keep', () => {
    expect(swMayCache('shell', html({ 'cache-control': 'public, max-age=0' }))).toBe(true);
    expect(swMayCache('asset', response({ 'content-type': 'text/javascript' }))).toBe(true);
  });

  it.each(['no-store', 'private, no-store', 'No-Store , max-age=0'])('never keeps a page marked %s', (cacheControl) => {
    expect(swMayCache('shell', html({ 'cache-control': cacheControl }))).toBe(false);
    expect(swMayCache('asset', response({ 'cache-control': cacheControl }))).toBe(false);
  });

  it('keeps nothing but a plain same-origin 200, and only HTML as the shell', () => {
    expect(swMayCache('network', html())).toBe(false);
    expect(swMayCache('shell', html({}))).toBe(true);
    expect(swMayCache('shell', response({ 'content-type': 'application/json' }))).toBe(false);
    expect(swMayCache('shell', response({}))).toBe(false);
    expect(swMayCache('shell', { ...html(), status: 203 })).toBe(false);
    expect(swMayCache('shell', { ...html(), status: 404 })).toBe(false);
    expect(swMayCache('shell', { ...html(), redirected: true })).toBe(false);
    expect(swMayCache('asset', { ...response({}), type: 'opaque', status: 0 })).toBe(false);
  });
});
