import { useCallback, useState } from 'react';
import { useDb } from '../provider.js';

const PREFIX = 'desk-draft|';

/** Where a draft is kept: per local database (so per user and server), ticket and form field. */
function draftKey(dbName: string, ticketId: string, field: string): string {
  return `${PREFIX}${dbName}|${ticketId}|${field}`;
}

function read(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function write(key: string, value: string): void {
  try {
    if (value === '') localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled: the draft still lives in memory for this session.
  }
}

/**
 * Text a person is writing but has not sent (a comment, a worklog entry), kept on this device under its ticket
 * and field: it survives a reload and is never touched by changes to the ticket arriving from others.
 */
export function useLocalDraft(ticketId: string, field: string): [string, (value: string) => void] {
  const db = useDb();
  const key = draftKey(db.name, ticketId, field);
  const [state, setState] = useState<{ key: string; value: string }>(() => ({ key, value: read(key) }));
  const value = state.key === key ? state.value : read(key);
  const set = useCallback(
    (next: string) => {
      write(key, next);
      setState({ key, value: next });
    },
    [key],
  );
  return [value, set];
}

/** Forgets every draft of a local database (the user erased this device's data). */
export function eraseLocalDrafts(dbName: string): void {
  try {
    const ours = `${PREFIX}${dbName}|`;
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '').filter((k) =>
      k.startsWith(ours),
    );
    for (const k of keys) localStorage.removeItem(k);
  } catch {
    // No storage: nothing was kept.
  }
}
