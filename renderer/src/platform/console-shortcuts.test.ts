import { describe, expect, it } from 'vitest';
import { consoleShortcut, moveCursor } from './console-shortcuts.js';

const key = (
  k: string,
  extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; target: unknown }> = {},
) =>
  ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: null,
    ...extra,
  }) as Parameters<typeof consoleShortcut>[0];

describe('consoleShortcut', () => {
  it('maps the single letters', () => {
    expect(['j', 'k', 'c', 'a', 'm', 's', 'x'].map((k) => consoleShortcut(key(k)))).toEqual([
      'next',
      'previous',
      'create',
      'assign-me',
      'comment',
      'status',
      null,
    ]);
  });
  it('never fires with modifiers or while typing', () => {
    expect(consoleShortcut(key('c', { ctrlKey: true }))).toBeNull();
    expect(consoleShortcut(key('k', { metaKey: true }))).toBeNull();
    expect(consoleShortcut(key('a', { altKey: true }))).toBeNull();
    expect(consoleShortcut(key('s', { target: { tagName: 'INPUT' } }))).toBeNull();
    expect(consoleShortcut(key('m', { target: { tagName: 'TEXTAREA' } }))).toBeNull();
  });
});

describe('moveCursor', () => {
  it('moves within the rows', () => {
    expect(moveCursor(-1, 3, 'next')).toBe(0);
    expect(moveCursor(0, 3, 'next')).toBe(1);
    expect(moveCursor(2, 3, 'next')).toBe(2);
    expect(moveCursor(0, 3, 'previous')).toBe(0);
    expect(moveCursor(0, 0, 'next')).toBe(-1);
  });
});
