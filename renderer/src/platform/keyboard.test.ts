import { describe, expect, it } from 'vitest';
import { formatAccelerator, inAppShortcut, isMacPlatform, isTypingTarget } from './keyboard.js';
import { titleWithCount } from './title-count.js';
import { redactText } from './redact.js';

const el = (tagName: string, extra: Record<string, unknown> = {}) =>
  ({ tagName, getAttribute: (name: string) => (extra[name] as string | undefined) ?? null, ...extra }) as unknown as EventTarget;
const key = (
  k: string,
  target: EventTarget | null = el('DIV'),
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
  target,
});

describe('in-app shortcuts', () => {
  it('opens the help with ? in the web build, not on the desktop (the menu has CmdOrCtrl+/)', () => {
    expect(inAppShortcut(key('?'), { isDesktop: false })).toBe('show-shortcuts');
    expect(inAppShortcut(key('?'), { isDesktop: true })).toBeNull();
  });

  it('never fires while typing in an input, text area, select or editable content', () => {
    for (const target of [
      el('INPUT'),
      el('textarea'),
      el('SELECT'),
      el('DIV', { isContentEditable: true }),
      el('DIV', { role: 'combobox' }),
    ]) {
      expect(isTypingTarget(target)).toBe(true);
      expect(inAppShortcut(key('?', target), { isDesktop: false })).toBeNull();
      expect(inAppShortcut(key('/', target), { isDesktop: false })).toBeNull();
    }
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('focuses the search with /, and leaves modified keys to the browser', () => {
    expect(inAppShortcut(key('/'), { isDesktop: true })).toBe('focus-search');
    expect(inAppShortcut(key('/', el('DIV'), { ctrlKey: true }), { isDesktop: true })).toBeNull();
    expect(inAppShortcut(key('?', el('DIV'), { metaKey: true }), { isDesktop: false })).toBeNull();
    expect(inAppShortcut(key('a'), { isDesktop: false })).toBeNull();
  });
});

describe('formatAccelerator', () => {
  it('spells menu accelerators for the platform', () => {
    expect(formatAccelerator('CmdOrCtrl+Alt+N', false)).toBe('Ctrl+Alt+N');
    expect(formatAccelerator('CmdOrCtrl+Alt+N', true)).toBe('⌘⌥N');
    expect(formatAccelerator('CmdOrCtrl+/', false)).toBe('Ctrl+/');
    expect(isMacPlatform('darwin')).toBe(true);
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Win32')).toBe(false);
  });
});

describe('titleWithCount (web badge)', () => {
  it('prefixes the count and replaces an older one', () => {
    expect(titleWithCount('Service Desk', 3)).toBe('(3) Service Desk');
    expect(titleWithCount('(3) Service Desk', 5)).toBe('(5) Service Desk');
    expect(titleWithCount('(5) Service Desk', 0)).toBe('Service Desk');
  });
});

describe('redactText (web diagnostics)', () => {
  it('removes tokens from a sync error', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudCJ9.c2lnbmF0dXJlc2lnbmF0dXJl';
    const out = redactText(`401 Bearer ${jwt}; refreshToken=abcDEF123456abcDEF123456abcDEF123456xyz`);
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('abcDEF123456');
    expect(out).toContain('Bearer [redacted]');
    expect(redactText('HTTP 503 from 6f1c2a9e-2b1d-4c55-9d6e-3f1f2a7b8c90')).toBe(
      'HTTP 503 from 6f1c2a9e-2b1d-4c55-9d6e-3f1f2a7b8c90',
    );
  });
});
