import { describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/database.js';
import { ChangeHub } from './change-hub.js';

function fakeDatabase(): { db: Database; emit(payload: string): void; reconnect(): void } {
  let onNotify: (payload: string) => void = () => undefined;
  let onReconnect: () => void = () => undefined;
  const db = {
    kind: 'pglite',
    listen: (_channel: string, notify: (payload: string) => void, reconnect?: () => void) => {
      onNotify = notify;
      onReconnect = reconnect ?? onReconnect;
      return Promise.resolve(() => Promise.resolve());
    },
  } as unknown as Database;
  return { db, emit: (payload) => onNotify(payload), reconnect: () => onReconnect() };
}

describe('ChangeHub', () => {
  it('coalesces a burst of notifications into one call per collection', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeDatabase();
      const hub = new ChangeHub(fake.db);
      await hub.start();
      const tickets = vi.fn();
      const articles = vi.fn();
      hub.subscribe('tickets', tickets);
      const unsubscribe = hub.subscribe('kb_articles', articles);
      for (let seq = 1; seq <= 5; seq++) fake.emit(JSON.stringify({ collection: 'tickets', seq }));
      fake.emit('not json');
      fake.emit(JSON.stringify({ seq: 3 }));
      await vi.advanceTimersByTimeAsync(20);
      expect(tickets).toHaveBeenCalledTimes(1);
      expect(articles).not.toHaveBeenCalled();
      unsubscribe();
      fake.reconnect();
      await vi.advanceTimersByTimeAsync(20);
      expect(tickets).toHaveBeenCalledTimes(2);
      expect(articles).not.toHaveBeenCalled();
      await hub.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
