import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './cors.js';

describe('isAllowedOrigin', () => {
  it.each(['http://localhost:5173', 'http://localhost', 'https://127.0.0.1:8443', 'http://[::1]:3000', 'null'])(
    'allows %s (dev console, desktop app from file://)',
    (origin) => {
      expect(isAllowedOrigin(origin)).toBe(true);
    },
  );

  it.each([
    'https://evil.example',
    'http://localhost.evil.example',
    'http://127.0.0.1.nip.io',
    'file://',
    'http://localhost:5173/path',
  ])('refuses %s', (origin) => {
    expect(isAllowedOrigin(origin)).toBe(false);
  });
});
