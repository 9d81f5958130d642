import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSOLE_ORIGINS, normaliseConsoleOrigin, originAllowList } from './cors.js';

describe('originAllowList', () => {
  const byDefault = originAllowList(DEFAULT_CONSOLE_ORIGINS);
  const configured = originAllowList(['https://desk.example.org']);

  it('allows the desktop app (file:// pages send Origin: null) by default, and no localhost port', () => {
    expect(byDefault('null')).toBe(true);
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8787', 'http://[::1]:3000', 'https://evil.example'])
      expect(byDefault(origin), origin).toBe(false);
  });

  it.each([
    'null',
    'http://localhost:5173',
    'http://127.0.0.1:9999',
    'https://desk.example.org.evil.example',
    'https://desk.example.org:8443',
    'http://desk.example.org',
    'https://DESK.example.org/',
  ])('allows nothing but the configured origin: refuses %s', (origin) => {
    expect(configured(origin)).toBe(false);
  });

  it('allows the configured origin', () => {
    expect(configured('https://desk.example.org')).toBe(true);
  });
});

describe('normaliseConsoleOrigin', () => {
  it.each([
    ['null', 'null'],
    ['https://desk.example.org', 'https://desk.example.org'],
    [' https://Desk.Example.org/ ', 'https://desk.example.org'],
    ['https://desk.example.org:443', 'https://desk.example.org'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('reads %j as %s', (entry, origin) => {
    expect(normaliseConsoleOrigin(entry)).toBe(origin);
  });

  it.each([
    '',
    '*',
    'desk.example.org',
    'https://desk.example.org/console',
    'https://desk.example.org?x=1',
    'https://user@desk.example.org',
    'file://',
    'javascript:alert(1)',
    'https://',
    'NULL',
  ])('refuses %j', (entry) => {
    expect(normaliseConsoleOrigin(entry)).toBeNull();
  });
});
