import { describe, expect, it } from 'vitest';
import { validateServerUrl } from './validate-url.js';

describe('validateServerUrl', () => {
  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['https://Desk.Example.ORG/', 'https://desk.example.org'],
    ['  https://desk.example.org/servicedesk/  ', 'https://desk.example.org/servicedesk'],
    ['HTTPS://desk.example.org:8443/a/b', 'https://desk.example.org:8443/a/b'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.1.1:8787/desk', 'http://127.0.1.1:8787/desk'],
    ['http://127.1:8787', 'http://127.0.0.1:8787'],
  ])('accepts %s as %s', (input, url) => {
    expect(validateServerUrl(input)).toMatchObject({ ok: true, url });
  });

  it('returns the origin for the CSP', () => {
    expect(validateServerUrl('https://desk.example.org/api')).toEqual({
      ok: true,
      url: 'https://desk.example.org/api',
      origin: 'https://desk.example.org',
    });
  });

  it.each([
    '',
    '   ',
    'desk.example.org',
    '//desk.example.org',
    'ftp://desk.example.org',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'javascript://desk.example.org/%0aalert(1)',
    'data:text/plain,x',
    'ws://desk.example.org',
    'https://user:pw@desk.example.org',
    'https://user@desk.example.org',
    'https://desk.example.org@evil.example',
    'https://:pw@desk.example.org',
    'https://desk.example.org/api?token=x',
    'https://desk.example.org/#x',
    'https://desk.example.org/a/../../admin',
    'https://desk.example.org/./api',
    'https://desk.example.org/%2e%2e/admin',
    'https://desk.example.org/api%2F..%2Fadmin',
    'https://desk.example.org/a%5c..',
    'https://desk.example.org/a%00',
    'https://desk.example.org//api',
    'https://desk.example.org\\@evil.example',
    'https://desk example.org',
    'https://desk.example.org/a\tb',
    'https://',
    'http:///path',
  ])('rejects %j', (input) => {
    const result = validateServerUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toBe('');
  });

  it.each([
    'http://evil.example',
    'http://desk.example.org:8787/desk',
    'http://127.0.0.1.evil.example',
    'http://localhost.evil.example',
    'http://10.0.0.5:8787',
    'http://0.0.0.0:8787',
    'http://[::ffff:7f00:1]:8787',
  ])('requires https for %s, which is not this computer', (input) => {
    const result = validateServerUrl(input);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('https://') as string, httpsRequired: true });
  });

  it.each(['javascript:alert(1)', 'javascript://127.0.0.1/%0aalert(1)', 'ws://127.0.0.1:8787'])(
    'refuses %s as not an http(s) address at all',
    (input) => {
      expect(validateServerUrl(input)).toEqual({ ok: false, reason: 'only http:// and https:// addresses are allowed' });
    },
  );

  it('rejects over-long addresses', () => {
    expect(validateServerUrl(`https://desk.example.org/${'a'.repeat(2048)}`)).toEqual({
      ok: false,
      reason: 'the address is too long',
    });
  });
});
