import type { KeyInput } from './keyboard.js';
import { isTypingTarget } from './keyboard.js';

export type ConsoleShortcut = 'next' | 'previous' | 'create' | 'assign-me' | 'comment' | 'status';

const KEYS: Record<string, ConsoleShortcut> = {
  j: 'next',
  k: 'previous',
  c: 'create',
  a: 'assign-me',
  m: 'comment',
  s: 'status',
};

/**
 * The console's single-letter keys: never with a modifier (so no browser or OS shortcut is taken), never while
 * typing, never when something else already handled the key.
 */
export function consoleShortcut(event: KeyInput & { shiftKey?: boolean }): ConsoleShortcut | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return null;
  if (isTypingTarget(event.target)) return null;
  return KEYS[event.key] ?? null;
}

/** The row after (or before) the current one, wrapping at neither end; -1 current: the first row. */
export function moveCursor(current: number, count: number, shortcut: 'next' | 'previous'): number {
  if (count === 0) return -1;
  if (current < 0) return 0;
  return shortcut === 'next' ? Math.min(count - 1, current + 1) : Math.max(0, current - 1);
}
