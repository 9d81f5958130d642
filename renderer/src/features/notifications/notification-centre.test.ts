import type { NotificationEntry } from '../../data/index.js';
import { SYSTEM_AUTHOR_ID, slaActionBody, watcherEventValues } from '@shared';
import { buildChange } from '@shared/testing/build-change.js';
import { buildEvent, buildTicket } from '@shared/testing/build-records.js';
import { describe, expect, it } from 'vitest';
import { newlyAssignedToMe } from './assignment-notices.js';
import {
  NOTIFICATION_CAP,
  addEntries,
  eventEntry,
  eventNoticesForMe,
  idsOf,
  markAllRead,
  markEntryRead,
  markTicketRead,
  mentions,
  ticketEntry,
  unreadCount,
  watchedUpdatesForMe,
} from './notification-centre.js';

const ME = 'u-tech';
const ctx = { userId: ME, firstSync: false };
const who = { ...ctx, name: 'Tina Tech', email: 'tech@example.org' };

const entry = (id: string, occurredAt: number, read = false): NotificationEntry => ({
  id,
  kind: 'assigned',
  ticketId: `t-${id}`,
  ticketNumber: `INC${id}`,
  ticketTitle: 'Printer',
  occurredAt,
  read,
});

describe('ticket entries', () => {
  it('are named by kind, ticket and version, so a write delivered twice is one entry and a later one is another', () => {
    const ticket = buildTicket({ id: 't-1', number: 'INC0001', title: '<img src=x onerror=alert(1)>', updatedAt: 1000 });
    const first = ticketEntry('assigned', ticket);
    expect(first).toEqual({
      id: 'assigned:t-1:1000',
      kind: 'assigned',
      ticketId: 't-1',
      ticketNumber: 'INC0001',
      ticketTitle: '<img src=x onerror=alert(1)>',
      occurredAt: 1000,
      read: false,
    });
    expect(ticketEntry('assigned', ticket).id).toBe(first.id);
    expect(ticketEntry('assigned', { ...ticket, updatedAt: 2000 }).id).not.toBe(first.id);
  });
});

describe('watchedUpdatesForMe', () => {
  const watched = buildTicket({ watcherIds: [ME], updatedBy: 'u-agent', updatedAt: 1000 });
  const changed = { ...watched, status: 'in_progress' as const, updatedAt: 2000 };

  it('reports a ticket I watch that someone else changed', () => {
    expect(watchedUpdatesForMe([{ previous: watched, current: changed }], ctx, new Set())).toEqual([changed]);
  });

  it('stays quiet for my own edits, tickets I do not watch, new tickets and the first sync', () => {
    expect(watchedUpdatesForMe([{ previous: watched, current: { ...changed, updatedBy: ME } }], ctx, new Set())).toEqual([]);
    const other = { ...changed, watcherIds: ['u-other'] };
    expect(watchedUpdatesForMe([{ previous: watched, current: other }], ctx, new Set())).toEqual([]);
    expect(watchedUpdatesForMe([{ previous: null, current: changed }], ctx, new Set())).toEqual([]);
    expect(watchedUpdatesForMe([{ previous: watched, current: changed }], { ...ctx, firstSync: true }, new Set())).toEqual([]);
  });

  it('stays quiet when only the watchers or the bookkeeping changed', () => {
    const joined = { ...watched, watcherIds: [ME, 'u-agent'], updatedAt: 3000, queueKey: 1 };
    expect(watchedUpdatesForMe([{ previous: watched, current: joined }], ctx, new Set())).toEqual([]);
  });

  it('leaves a ticket the same write assigns to me to the assignment entry, and approvals to the approval entry', () => {
    const mine = { ...changed, assigneeId: ME };
    const arrivals = [{ previous: watched, current: mine }];
    expect(watchedUpdatesForMe(arrivals, ctx, idsOf(newlyAssignedToMe(arrivals, ctx)))).toEqual([]);
    const change = buildChange({ watcherIds: [ME], updatedBy: 'u-manager' });
    const assessed = { ...change, changePhase: 'assessment' as const };
    expect(watchedUpdatesForMe([{ previous: assessed, current: change }], ctx, new Set())).toEqual([]);
  });
});

describe('mentions', () => {
  it('finds my name or handle after an @, ignoring case and accents', () => {
    expect(mentions('Can @Tina Tech look at it?', who)).toBe(true);
    expect(mentions('cc @tína tech.', who)).toBe(true);
    expect(mentions('@tech please', who)).toBe(true);
  });

  it('does not take another name, an e-mail address or a plain mention without @ for mine', () => {
    expect(mentions('@Tina Technician', who)).toBe(false);
    expect(mentions('@technician', who)).toBe(false);
    expect(mentions('write to tech@example.org', who)).toBe(false);
    expect(mentions('Tina Tech knows', who)).toBe(false);
  });

  it('treats the name as text, not as a pattern', () => {
    expect(mentions('@a+b', { name: 'a+b', email: '' })).toBe(true);
    expect(mentions('@aab', { name: 'a+b', email: '' })).toBe(false);
  });
});

describe('eventNoticesForMe', () => {
  const watchingT1 = (id: string) => id === 't-1';

  it('makes a mention of a comment or worklog naming me, and a watched entry of a comment on a ticket I watch', () => {
    const mention = buildEvent('t-2', 'u-agent', { kind: 'worklog', body: 'asked @Tina Tech' });
    const comment = buildEvent('t-1', 'u-agent', { kind: 'comment', body: 'Rebooted' });
    const both = buildEvent('t-1', 'u-agent', { kind: 'comment', body: '@tech over to you' });
    expect(eventNoticesForMe([mention, comment, both], who, watchingT1)).toEqual([
      { kind: 'mentioned', event: mention },
      { kind: 'watched', event: comment },
      { kind: 'mentioned', event: both },
    ]);
  });

  it('stays quiet for my own events, watcher changes, other kinds and the first sync', () => {
    const mine = buildEvent('t-1', ME, { kind: 'comment', body: '@Tina Tech note to self' });
    const watcher = buildEvent('t-1', 'u-agent', { kind: 'communication', body: '', ...watcherEventValues('u-agent', true) });
    const status = buildEvent('t-1', 'u-agent', { kind: 'status_change', body: '@tech' });
    expect(eventNoticesForMe([mine, watcher, status], who, watchingT1)).toEqual([]);
    const comment = buildEvent('t-1', 'u-agent', { kind: 'comment', body: '@tech' });
    expect(eventNoticesForMe([comment], { ...who, firstSync: true }, watchingT1)).toEqual([]);
  });

  it('makes an SLA entry of a warning the desk sent me by e-mail, on any ticket, and none of one sent to others', () => {
    const body = (to: string[]) => slaActionBody({ clock: 'resolution', percent: 75, notified: to.length, to });
    const mine = buildEvent('t-5', SYSTEM_AUTHOR_ID, {
      kind: 'sla_action',
      body: body(['lead@example.org', 'TECH@example.org']),
    });
    const others = buildEvent('t-1', SYSTEM_AUTHOR_ID, { kind: 'sla_action', body: body(['lead@example.org']) });
    expect(eventNoticesForMe([mine, others], who, watchingT1)).toEqual([{ kind: 'sla', event: mine }]);
    expect(eventNoticesForMe([mine], { ...who, firstSync: true }, watchingT1)).toEqual([]);
  });

  it('names the entry by the event, with the ticket as it is now', () => {
    const event = buildEvent('t-1', 'u-agent', { id: 'e-9', kind: 'comment', body: '@tech', occurredAt: 5000 });
    expect(eventEntry({ kind: 'mentioned', event }, { id: 't-1', number: 'INC7', title: 'Printer' })).toEqual({
      id: 'mentioned:e-9',
      kind: 'mentioned',
      ticketId: 't-1',
      ticketNumber: 'INC7',
      ticketTitle: 'Printer',
      occurredAt: 5000,
      read: false,
    });
  });
});

describe('the kept list', () => {
  it('adds new entries newest first and keeps a re-delivered one as it was (read stays read)', () => {
    const kept = [entry('a', 2000, true), entry('b', 1000)];
    const next = addEntries(kept, [entry('a', 2000), entry('c', 3000)]);
    expect(next.map((e) => [e.id, e.read])).toEqual([
      ['c', false],
      ['a', true],
      ['b', false],
    ]);
  });

  it('keeps only the newest entries past the cap', () => {
    const many = Array.from({ length: NOTIFICATION_CAP + 5 }, (_, i) => entry(`e${i}`, i));
    const next = addEntries([], many);
    expect(next).toHaveLength(NOTIFICATION_CAP);
    expect(next[0].id).toBe(`e${NOTIFICATION_CAP + 4}`);
    expect(next.at(-1)?.id).toBe('e5');
    expect(addEntries([], [entry('x', 1), entry('y', 2)], 1).map((e) => e.id)).toEqual(['y']);
  });

  it('marks one entry, one ticket’s entries or all of them read, and counts the unread', () => {
    const kept = [entry('a', 3), entry('b', 2), { ...entry('c', 1), ticketId: 't-a' }];
    expect(unreadCount(kept)).toBe(3);
    expect(unreadCount(markEntryRead(kept, 'b'))).toBe(2);
    expect(markTicketRead(kept, 't-a').map((e) => e.read)).toEqual([true, false, true]);
    expect(unreadCount(markAllRead(kept))).toBe(0);
  });

  it('returns the same list when nothing changes, so nothing is written', () => {
    const kept = [entry('a', 3, true)];
    expect(markAllRead(kept)).toBe(kept);
    expect(markEntryRead(kept, 'missing')).toBe(kept);
    expect(markTicketRead(kept, 't-a')).toBe(kept);
  });
});
