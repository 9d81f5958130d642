import { describe, expect, it, vi } from 'vitest';
import { buildCsp, installCsp, withCspHeader, type WebRequestLike } from './csp.js';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

describe('buildCsp', () => {
  it('is strict and allows the sync server for connections only', () => {
    const csp = directives(buildCsp({ serverOrigin: 'http://127.0.0.1:8787' }));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:8787', 'ws://127.0.0.1:8787']);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it('uses only the origin of the server URL, with wss for https', () => {
    const csp = directives(buildCsp({ serverOrigin: 'https://desk.example.org/api/v1' }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://desk.example.org', 'wss://desk.example.org']);
  });

  it('refuses non-http server origins (no way to smuggle directives in)', () => {
    expect(() => buildCsp({ serverOrigin: "javascript:x; script-src 'unsafe-eval'" })).toThrow();
    expect(() => buildCsp({ serverOrigin: 'not a url' })).toThrow();
  });

  it('relaxes scripts for the Vite dev server only when one is configured', () => {
    const csp = directives(buildCsp({ serverOrigin: 'http://127.0.0.1:8787', devServerOrigin: 'http://localhost:5173' }));
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'", 'http://localhost:5173']);
    expect(csp.get('connect-src')).toContain('ws://localhost:5173');
  });
});

describe('withCspHeader', () => {
  it('replaces existing policies in any letter case and keeps other headers', () => {
    const headers = withCspHeader(
      { 'content-security-policy': ['default-src *'], 'CONTENT-SECURITY-POLICY-REPORT-ONLY': 'x', 'Content-Type': ['text/html'] },
      'default-src none',
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['default-src none'] });
  });
  it('works without response headers (file://)', () => {
    expect(withCspHeader(undefined, 'p')).toEqual({ 'Content-Security-Policy': ['p'] });
  });
});

describe('installCsp', () => {
  it('sets the header for app pages and leaves other responses alone', () => {
    let listener: Parameters<WebRequestLike['onHeadersReceived']>[0] | undefined;
    installCsp({ onHeadersReceived: (l) => (listener = l) }, 'default-src none', (url) => url.startsWith('file:///app/'));
    const appCallback = vi.fn();
    listener!({ url: 'file:///app/index.html' }, appCallback);
    expect(appCallback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': ['default-src none'] } });
    const apiCallback = vi.fn();
    listener!({ url: 'http://127.0.0.1:8787/sync', responseHeaders: { a: ['b'] } }, apiCallback);
    expect(apiCallback).toHaveBeenCalledWith({});
  });

  it('reads a policy function on every response', () => {
    let listener: Parameters<WebRequestLike['onHeadersReceived']>[0] | undefined;
    let policy = 'connect-src a';
    installCsp(
      { onHeadersReceived: (l) => (listener = l) },
      () => policy,
      () => true,
    );
    const first = vi.fn();
    listener!({ url: 'file:///app/index.html' }, first);
    policy = 'connect-src b';
    const second = vi.fn();
    listener!({ url: 'file:///app/index.html' }, second);
    expect(first).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': ['connect-src a'] } });
    expect(second).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': ['connect-src b'] } });
  });
});
