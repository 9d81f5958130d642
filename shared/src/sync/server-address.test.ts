import { describe, expect, it } from 'vitest';
import { isLoopbackHost, needsHttps } from './server-address.js';

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.255.255.254', '127.0.1.1', '[::1]', '::1'])(
    '%s is this computer',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each([
    '127.0.0.1.evil.example',
    'localhost.evil.example',
    'evil.example',
    'evillocalhost',
    '127.0.0.256',
    '128.0.0.1',
    '10.0.0.5',
    '0.0.0.0',
    '[::]',
    '[::ffff:7f00:1]',
    '',
  ])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('needsHttps', () => {
  it('allows https anywhere and http only to this computer', () => {
    expect(needsHttps('https:', 'desk.example.org')).toBe(false);
    expect(needsHttps('http:', '127.0.0.1')).toBe(false);
    expect(needsHttps('http:', '[::1]')).toBe(false);
    expect(needsHttps('http:', 'desk.example.org')).toBe(true);
    expect(needsHttps('HTTP:', '127.0.0.1.evil.example')).toBe(true);
    expect(needsHttps('http:', '10.0.0.5')).toBe(true);
  });
});
