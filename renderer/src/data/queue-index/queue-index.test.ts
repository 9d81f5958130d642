import type { Ticket } from '@shared';
import { provisionalNumber } from '@shared/domain/ticket-numbering.js';
import { describe, expect, it } from 'vitest';
import { makeTicket } from '../testing/fixtures.js';
import type { NamedQueue } from './named-queues.js';
import { EMPTY_FILTER } from './queue-filter.js';
import type { QueueFilter } from './queue-filter.js';
import { QueueIndex } from './queue-index.js';
import type { StoredTicket } from './queue-index.js';
import { DEFAULT_SORT, SORT_COLUMNS } from './queue-sort.js';
import type { QueueSort } from './queue-sort.js';

const NOW = 1_800_000_000_000;
const DAY = 86_400_000;
const me = { id: 'u-me', groupIds: ['grp-a'] };

function stored(t: Partial<Ticket>, rev = 1): StoredTicket {
  return { ...makeTicket(t), _rev: `${rev}-x`, _deleted: false };
}

function indexOf(rows: Partial<Ticket>[]): QueueIndex {
  const index = new QueueIndex();
  index.apply(rows.map((r, i) => ({ doc: stored({ number: `N${i}`, updatedAt: NOW - 1000 * (rows.length - i), ...r }) })));
  index.markLoaded();
  return index;
}

function ids(index: QueueIndex, queue: NamedQueue, filter: Partial<QueueFilter> = {}, sort: QueueSort = DEFAULT_SORT): string[] {
  return index
    .query({ queue, me, filter: { ...EMPTY_FILTER, ...filter }, sort, now: NOW })
    .slice()
    .map((t) => t.id);
}

describe('queue index: named queues', () => {
  const index = indexOf([
    { id: 'mine', assigneeId: 'u-me', groupId: 'grp-b' },
    { id: 'group', assigneeId: 'u-x', groupId: 'grp-a' },
    { id: 'free', assigneeId: '', groupId: 'grp-b', status: 'new' },
    { id: 'esc', assigneeId: 'u-x', groupId: 'grp-b', escalationTier: 2 },
    { id: 'sup', assigneeId: 'u-x', groupId: 'grp-b', escalatedToSupervisor: true },
    { id: 'maj', assigneeId: 'u-x', groupId: 'grp-b', major: true },
    { id: 'done', assigneeId: 'u-me', groupId: 'grp-a', status: 'resolved', escalationTier: 3, major: true },
    { id: 'closed-free', assigneeId: '', groupId: 'grp-a', status: 'closed' },
  ]);

  it('hold open tickets by owner, group, assignment, escalation and major flag; all holds every ticket', () => {
    expect(ids(index, 'mine')).toEqual(['mine']);
    expect(ids(index, 'groups')).toEqual(['group']);
    expect(ids(index, 'unassigned')).toEqual(['free']);
    expect(ids(index, 'escalated').sort()).toEqual(['esc', 'sup']);
    expect(ids(index, 'major')).toEqual(['maj']);
    expect(ids(index, 'open')).toHaveLength(6);
    expect(ids(index, 'all')).toHaveLength(8);
  });

  it('list the newest update first by default', () => {
    expect(ids(index, 'all')).toEqual(['closed-free', 'done', 'maj', 'sup', 'esc', 'free', 'group', 'mine']);
  });

  it('narrow with the filters: the closed unassigned ticket is in all, not in unassigned', () => {
    expect(ids(index, 'all', { assigneeIds: [''] })).toEqual(['closed-free', 'free']);
    expect(ids(index, 'all', { status: 'open', groupIds: ['grp-a'] })).toEqual(['group']);
  });
});

describe('queue index: saved filter fields', () => {
  const index = indexOf([
    {
      id: 'a',
      title: 'Imprimante en panne au 3e étage',
      status: 'new',
      assigneeId: '',
      impact: 1,
      urgency: 1,
      createdAt: NOW - DAY / 2,
    },
    {
      id: 'b',
      title: 'VPN disconnects',
      status: 'pending',
      impact: 2,
      urgency: 2,
      categoryId: 'cat-net',
      createdAt: NOW - 3 * DAY,
    },
    { id: 'c', title: 'Printer jammed', number: 'INC0042', status: 'closed', impact: 2, urgency: 3, createdAt: NOW - 10 * DAY },
    { id: 'd', title: 'Réseau lent', status: 'assigned', groupId: 'grp-net', impact: 1, urgency: 2, createdAt: NOW - 40 * DAY },
  ]);

  it('status: one status, or every open one', () => {
    expect(ids(index, 'all', { status: 'pending' })).toEqual(['b']);
    expect(ids(index, 'all', { status: 'open' }).sort()).toEqual(['a', 'b', 'd']);
  });

  it('priority, group, assignee and category: any of the listed values', () => {
    expect(ids(index, 'all', { priorities: [1, 2] }).sort()).toEqual(['a', 'd']);
    expect(ids(index, 'all', { groupIds: ['grp-net'] })).toEqual(['d']);
    expect(ids(index, 'all', { assigneeIds: [''] })).toEqual(['a']);
    expect(ids(index, 'all', { categoryIds: ['cat-net'] })).toEqual(['b']);
  });

  it('age since creation', () => {
    expect(ids(index, 'all', { age: 'lt1d' })).toEqual(['a']);
    expect(ids(index, 'all', { age: 'lt7d' }).sort()).toEqual(['a', 'b']);
    expect(ids(index, 'all', { age: 'gt7d' }).sort()).toEqual(['c', 'd']);
    expect(ids(index, 'all', { age: 'gt30d' })).toEqual(['d']);
  });

  it('text: every word in the title or number, ignoring case and accents', () => {
    expect(ids(index, 'all', { text: 'reseau' })).toEqual(['d']);
    expect(ids(index, 'all', { text: 'ÉTAGE imprim' })).toEqual(['a']);
    expect(ids(index, 'all', { text: 'inc0042' })).toEqual(['c']);
    expect(ids(index, 'all', { text: 'printer vpn' })).toEqual([]);
  });

  it('text: a provisional number handed out on the device still finds its ticket once confirmed', () => {
    const given = provisionalNumber('c');
    expect(ids(index, 'all', { text: given.toLowerCase() })).toEqual(['c']);
    expect(ids(index, 'all', { text: `${given} vpn` })).toEqual([]);
    // Only a whole provisional number: "new" alone must not match every ticket.
    expect(ids(index, 'all', { text: 'new' })).toEqual([]);
  });

  it('combine: every set condition must hold', () => {
    expect(ids(index, 'all', { status: 'open', priorities: [1, 2, 3], age: 'lt7d', text: 'vpn' })).toEqual(['b']);
  });
});

describe('queue index: sorting', () => {
  const names: Record<string, string> = { 'u-b': 'Béatrice Zola', 'u-a': 'Alain Roy', 'u-c': 'chloé Martin' };
  const index = indexOf([
    { id: 't1', number: 'INC003', title: 'banana', status: 'pending', impact: 1, urgency: 2, assigneeId: 'u-b' },
    { id: 't2', number: 'INC001', title: 'Éclair', status: 'new', impact: 3, urgency: 3, assigneeId: '' },
    { id: 't3', number: 'INC004', title: 'apple', status: 'closed', impact: 1, urgency: 1, assigneeId: 'u-a' },
    { id: 't4', number: 'INC002', title: 'cherry', status: 'assigned', impact: 1, urgency: 2, assigneeId: 'u-c' },
  ]);
  index.setAssigneeNames((id) => names[id] ?? id);
  const expected: Record<(typeof SORT_COLUMNS)[number], string[]> = {
    number: ['t2', 't4', 't1', 't3'],
    title: ['t3', 't1', 't4', 't2'],
    status: ['t2', 't4', 't1', 't3'], // the lifecycle order: new, assigned, pending, closed
    priority: ['t3', 't4', 't1', 't2'], // t4 and t1 tie: the newer (t4) first
    assignee: ['t2', 't3', 't1', 't4'], // unassigned, Alain, Béatrice, chloé (accents and case ignored)
    updated: ['t1', 't2', 't3', 't4'],
  };

  it.each(SORT_COLUMNS)('sorts by %s both ways; ties stay newest first', (column) => {
    expect(ids(index, 'all', {}, { column, direction: 'asc' })).toEqual(expected[column]);
    const desc = ids(index, 'all', {}, { column, direction: 'desc' });
    if (column === 'priority') expect(desc).toEqual(['t2', 't4', 't1', 't3']);
    else expect(desc).toEqual([...expected[column]].reverse());
  });

  it('filters within the sorted order and stops at the limit', () => {
    const q = { queue: 'all' as const, me, filter: { ...EMPTY_FILTER, status: 'open' as const }, now: NOW };
    const list = index.query({ ...q, sort: { column: 'title', direction: 'asc' } });
    expect(list.slice().map((t) => t.id)).toEqual(['t1', 't4', 't2']);
    expect([list.length, list.at(2).id]).toEqual([3, 't2']);
    expect(
      index
        .query({ ...q, sort: { column: 'title', direction: 'asc' }, limit: 2 })
        .slice()
        .map((t) => t.id),
    ).toEqual(['t1', 't4']);
  });
});

describe('queue index: live updates', () => {
  const sortTitle: QueueSort = { column: 'title', direction: 'asc' };

  it('an insert, an update and a delete move the ticket in every sorted list already built', () => {
    const index = indexOf([
      { id: 'b', title: 'bravo', assigneeId: 'u-x' },
      { id: 'd', title: 'delta', assigneeId: 'u-x' },
    ]);
    expect(ids(index, 'all', {}, sortTitle)).toEqual(['b', 'd']);
    expect(ids(index, 'all')).toEqual(['d', 'b']);
    let notified = 0;
    index.subscribe(() => notified++);

    index.apply([{ doc: stored({ id: 'c', title: 'charlie', assigneeId: '', status: 'new', updatedAt: NOW }) }]);
    expect(ids(index, 'all', {}, sortTitle)).toEqual(['b', 'c', 'd']);
    expect(ids(index, 'all')).toEqual(['c', 'd', 'b']);
    expect(ids(index, 'unassigned')).toEqual(['c']);

    index.apply([{ doc: stored({ id: 'c', title: 'alpha', assigneeId: 'u-me', updatedAt: NOW + 1 }, 2) }]);
    expect(ids(index, 'all', {}, sortTitle)).toEqual(['c', 'b', 'd']);
    expect(ids(index, 'unassigned')).toEqual([]);
    expect(ids(index, 'mine')).toEqual(['c']);
    expect(index.get('c')?.title).toBe('alpha');

    index.apply([{ deletedId: 'b', rev: '2-y' }]);
    expect(ids(index, 'all', {}, sortTitle)).toEqual(['c', 'd']);
    expect(ids(index, 'all')).toEqual(['c', 'd']);
    expect(notified).toBe(3);
  });

  it('lists the tickets of one type, following a change of type and a deletion', () => {
    const index = indexOf([
      { id: 'c1', type: 'change' },
      { id: 'i1', type: 'incident' },
      { id: 'p1', type: 'problem' },
    ]);
    expect(index.ofType('change').map((t) => t.id)).toEqual(['c1']);
    index.apply([{ doc: stored({ id: 'i1', type: 'change' }, 2) }, { deletedId: 'c1', rev: '2-y' }]);
    expect(index.ofType('change').map((t) => t.id)).toEqual(['i1']);
    expect(index.ofType('incident')).toEqual([]);
    expect(index.ofType('problem').map((t) => t.id)).toEqual(['p1']);
  });

  it('a result already handed out keeps its rows when later changes arrive', () => {
    const index = indexOf([{ id: 'p' }, { id: 'q' }]);
    const before = index.query({ queue: 'all', me, filter: EMPTY_FILTER, sort: DEFAULT_SORT, now: NOW });
    index.apply([{ doc: stored({ id: 'r', updatedAt: NOW }) }]);
    expect(before.slice().map((t) => t.id)).toEqual(['q', 'p']);
    expect(ids(index, 'all')).toEqual(['r', 'q', 'p']);
  });

  it('ignores a revision older than the one it holds (a page read before a live change)', () => {
    const index = new QueueIndex();
    index.apply([{ doc: stored({ id: 'x', title: 'new title' }, 3) }]);
    index.apply([{ doc: stored({ id: 'x', title: 'old title' }, 2) }]);
    expect(index.get('x')?.title).toBe('new title');
  });

  it('while loading, does not let a stale page bring back a ticket deleted meanwhile', () => {
    const index = new QueueIndex();
    index.apply([{ deletedId: 'gone', rev: '4-z' }]);
    index.apply([{ doc: stored({ id: 'gone' }, 3) }]);
    expect(index.get('gone')).toBeUndefined();
    index.markLoaded();
    expect(index.loaded).toBe(true);
  });

  it('large writes re-sort lazily and give the same order', () => {
    const index = new QueueIndex();
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      doc: stored({ id: `t${i}`, title: `title ${(i * 7919) % 2500}`, updatedAt: NOW - i }),
    }));
    index.apply(rows.slice(0, 10));
    expect(ids(index, 'all', {}, sortTitle)).toHaveLength(10);
    index.apply(rows);
    const titles = index
      .query({ queue: 'all', me, filter: EMPTY_FILTER, sort: sortTitle, now: NOW })
      .slice()
      .map((t) => t.title);
    expect(titles).toHaveLength(2500);
    expect(titles).toEqual([...titles].sort());
  });
});

describe('queue index: configuration items', () => {
  const index = indexOf([
    { id: 'db', ciIds: ['ci-srv-pay-db'] },
    { id: 'ws', ciIds: ['ci-ws-12', 'ci-app-files'] },
    { id: 'svc', ciIds: ['ci-svc-pay'] },
    { id: 'none' },
  ]);
  const query = (filter: Partial<QueueFilter>, serviceCis: ReadonlySet<string> | null = null) =>
    index
      .query({ queue: 'all', me, filter: { ...EMPTY_FILTER, ...filter }, sort: DEFAULT_SORT, now: NOW, serviceCis })
      .slice()
      .map((t) => t.id)
      .sort();

  it('filters by any of the chosen CIs', () => {
    expect(query({ ciIds: ['ci-app-files', 'ci-srv-pay-db'] })).toEqual(['db', 'ws']);
  });

  it('filters by service through the CIs that support it, resolved once by the caller', () => {
    const supporting = new Set(['ci-svc-pay', 'ci-app-pay', 'ci-db-pay', 'ci-srv-pay-db']);
    expect(query({ serviceIds: ['ci-svc-pay'] }, supporting)).toEqual(['db', 'svc']);
    // Before the CIs are read, only tickets naming the service itself.
    expect(query({ serviceIds: ['ci-svc-pay'] })).toEqual(['svc']);
    expect(query({ serviceIds: ['ci-svc-pay'], ciIds: ['ci-ws-12'] }, supporting)).toEqual([]);
  });
});
