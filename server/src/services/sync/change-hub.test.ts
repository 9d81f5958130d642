import type { Actor } from '@shared';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/database.js';
import { ChangeHub, type HubSubscriber } from './change-hub.js';

interface Row {
  collection: string;
  seq: number;
  id: string;
  groupId: string;
  security: boolean;
}

/** A database holding `rows` (tickets: their own scope), answering the hub's queries on them. */
function fakeDatabase(rows: Row[] = []): {
  db: Database;
  emit(payload: string): void;
  reconnect(): void;
  failing: { on: boolean };
} {
  let onNotify: (payload: string) => void = () => undefined;
  let onReconnect: () => void = () => undefined;
  const failing = { on: false };
  const reads = {
    query: (sql: string, params: readonly unknown[] = []) => {
      if (failing.on) return Promise.reject(new Error('down'));
      if (sql.includes('FROM sync_counter')) return Promise.resolve([{ value: 0 }]);
      const [collection, after, upTo] = params as [string, number, number];
      const inRange = rows.filter((r) => r.collection === collection && r.seq > after && r.seq <= upTo);
      return Promise.resolve(
        inRange.map((r) => ({
          id: r.id,
          has_ticket: true,
          security: r.security,
          group_id: r.groupId,
          assignee_id: null,
          exits: null,
        })),
      );
    },
  };
  const db = {
    kind: 'pglite',
    reads,
    listen: (_channel: string, notify: (payload: string) => void, reconnect?: () => void) => {
      onNotify = notify;
      onReconnect = reconnect ?? onReconnect;
      return Promise.resolve(() => Promise.resolve());
    },
  } as unknown as Database;
  return { db, emit: (payload) => onNotify(payload), reconnect: () => onReconnect(), failing };
}

const tech: Actor = { id: 'usr-tech', role: 'technician', groupIds: ['grp-field'] };
const supervisor: Actor = { id: 'usr-supervisor', role: 'supervisor', groupIds: [] };

function subscriber(actor: Actor | null) {
  const subscriber = { actor, onChange: vi.fn<() => void>(), onAccessChange: vi.fn<() => void>() };
  return subscriber satisfies HubSubscriber;
}

const ticket = (seq: number, groupId: string, security = false): Row => ({
  collection: 'tickets',
  seq,
  id: `t${seq}`,
  groupId,
  security,
});

async function withFakeTimers(run: () => Promise<void>): Promise<void> {
  vi.useFakeTimers();
  try {
    await run();
  } finally {
    vi.useRealTimers();
  }
}

describe('ChangeHub', () => {
  it('coalesces a burst of notifications into one call per collection', () =>
    withFakeTimers(async () => {
      const fake = fakeDatabase([1, 2, 3, 4, 5].map((seq) => ticket(seq, 'grp-apps')));
      const hub = new ChangeHub(fake.db);
      await hub.start();
      const tickets = subscriber(null);
      const articles = subscriber(null);
      hub.subscribe('tickets', tickets);
      const unsubscribe = hub.subscribe('kb_articles', articles);
      for (let seq = 1; seq <= 5; seq++) fake.emit(JSON.stringify({ collection: 'tickets', seq }));
      fake.emit('not json');
      fake.emit(JSON.stringify({ seq: 3 }));
      await vi.advanceTimersByTimeAsync(20);
      expect(tickets.onChange).toHaveBeenCalledTimes(1);
      expect(articles.onChange).not.toHaveBeenCalled();
      unsubscribe();
      fake.reconnect();
      await vi.advanceTimersByTimeAsync(20);
      expect(tickets.onChange).toHaveBeenCalledTimes(2);
      expect(tickets.onAccessChange).toHaveBeenCalledTimes(1);
      expect(articles.onChange).not.toHaveBeenCalled();
      await hub.stop();
    }));

  it('tells each subscriber only of the changes its pull would return, reading each range once', () =>
    withFakeTimers(async () => {
      const rows = [ticket(1, 'grp-network'), ticket(2, 'grp-field', true), ticket(3, 'grp-field')];
      const fake = fakeDatabase(rows);
      const query = vi.spyOn(fake.db.reads, 'query');
      const hub = new ChangeHub(fake.db);
      await hub.start();
      const technicians = Array.from({ length: 50 }, () => subscriber(tech));
      const boss = subscriber(supervisor);
      for (const s of [...technicians, boss]) hub.subscribe('tickets', s);
      query.mockClear();

      fake.emit(JSON.stringify({ collection: 'tickets', seq: 1 }));
      await vi.advanceTimersByTimeAsync(20);
      fake.emit(JSON.stringify({ collection: 'tickets', seq: 2 }));
      await vi.advanceTimersByTimeAsync(20);
      expect(technicians[0].onChange).not.toHaveBeenCalled();
      expect(boss.onChange).toHaveBeenCalledTimes(2);

      fake.emit(JSON.stringify({ collection: 'tickets', seq: 3 }));
      await vi.advanceTimersByTimeAsync(20);
      for (const s of technicians) expect(s.onChange).toHaveBeenCalledTimes(1);
      expect(boss.onChange).toHaveBeenCalledTimes(3);
      // One read of the documents (with their scope exits) per judged range, whatever the number of streams.
      expect(query.mock.calls.filter(([sql]) => sql.includes('FROM sync_documents'))).toHaveLength(3);
      await hub.stop();
    }));

  it('tells everybody when it cannot judge', () =>
    withFakeTimers(async () => {
      const fake = fakeDatabase([ticket(1, 'grp-network')]);
      const hub = new ChangeHub(fake.db, () => undefined);
      await hub.start();
      const technician = subscriber(tech);
      hub.subscribe('tickets', technician);
      fake.failing.on = true;
      fake.emit(JSON.stringify({ collection: 'tickets', seq: 1 }));
      await vi.advanceTimersByTimeAsync(20);
      expect(technician.onChange).toHaveBeenCalledTimes(1);
      fake.failing.on = false;
      fake.emit(JSON.stringify({ collection: 'tickets' }));
      await vi.advanceTimersByTimeAsync(20);
      expect(technician.onChange).toHaveBeenCalledTimes(2);
      await hub.stop();
    }));
});
