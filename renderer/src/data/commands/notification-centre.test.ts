import { buildEvent } from '@shared/testing/build-records.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import type { NotificationEntry } from './notification-centre.js';
import { notificationCentreDocId, updateNotificationEntries, watchIncomingEvents } from './notification-centre.js';

const entry = (id: string): NotificationEntry => ({
  id,
  kind: 'assigned',
  ticketId: `t-${id}`,
  ticketNumber: 'INC1',
  ticketTitle: 'Printer',
  occurredAt: 1,
  read: false,
});
const append = (id: string) => (kept: readonly NotificationEntry[]) => [...kept, entry(id)];

describe('the notification centre document', () => {
  let db: DeskDatabase;
  beforeAll(async () => {
    db = await memoryDb();
  });
  afterAll(async () => {
    await db.close();
  });

  const stored = async (userId: string) =>
    ((await db.getLocal<{ entries: NotificationEntry[] }>(notificationCentreDocId(userId)))?.toJSON().data.entries ?? []).map(
      (e) => e.id,
    );

  it('keeps every entry of writes started together, the first of which creates the document', async () => {
    await Promise.all([
      updateNotificationEntries(db, 'u-a', append('one')),
      updateNotificationEntries(db, 'u-a', append('two')),
      updateNotificationEntries(db, 'u-a', append('three')),
    ]);
    expect(await stored('u-a')).toEqual(['one', 'two', 'three']);
  });

  it('keeps each user’s list apart, and writes nothing when the update changes nothing', async () => {
    await updateNotificationEntries(db, 'u-b', append('b1'));
    expect(await stored('u-b')).toEqual(['b1']);
    expect(await stored('u-a')).toHaveLength(3);
    const before = (await db.getLocal<{ entries: NotificationEntry[] }>(notificationCentreDocId('u-b')))?.revision;
    await updateNotificationEntries(db, 'u-b', (kept) => kept as NotificationEntry[]);
    expect((await db.getLocal<{ entries: NotificationEntry[] }>(notificationCentreDocId('u-b')))?.revision).toBe(before);
    await updateNotificationEntries(db, 'u-none', () => []);
    expect(await db.getLocal(notificationCentreDocId('u-none'))).toBeNull();
  });

  it('a failed update does not stop the ones queued after it', async () => {
    const failing = updateNotificationEntries(db, 'u-c', () => {
      throw new Error('broken');
    });
    await expect(failing).rejects.toThrow('broken');
    await updateNotificationEntries(db, 'u-c', append('c1'));
    expect(await stored('u-c')).toEqual(['c1']);
  });

  it('events written on this device are not news to the notifier', async () => {
    const seen: unknown[] = [];
    const stop = watchIncomingEvents(db, (events) => seen.push(events));
    await db.ticket_events.insert(buildEvent('t-1', 'u-a', { body: '@someone' }));
    stop();
    expect(seen).toEqual([]);
  });
});
