import type { Ticket } from '@shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import type { NamedQueue } from './named-queues.js';
import { ticketQueueQueries } from './tickets.js';

const me = { id: 'u-me', groupIds: ['grp-a'] };

describe('named queues', () => {
  let db: DeskDatabase;
  beforeAll(async () => {
    db = await memoryDb();
    const rows: Partial<Ticket>[] = [
      { id: 'mine', assigneeId: 'u-me', groupId: 'grp-b' },
      { id: 'group', assigneeId: 'u-x', groupId: 'grp-a' },
      { id: 'free', assigneeId: '', groupId: 'grp-b', status: 'new' },
      { id: 'esc', assigneeId: 'u-x', groupId: 'grp-b', escalationTier: 2 },
      { id: 'sup', assigneeId: 'u-x', groupId: 'grp-b', escalatedToSupervisor: true },
      { id: 'maj', assigneeId: 'u-x', groupId: 'grp-b', major: true },
      { id: 'done', assigneeId: 'u-me', groupId: 'grp-a', status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'x' },
    ];
    await db.tickets.bulkInsert(rows.map((r, i) => makeTicket({ ...r, number: `N${i}`, updatedAt: 1_000_000 + i })));
  });
  afterAll(async () => {
    await db.close();
  });

  const run = async (queue: NamedQueue, text = '') => {
    const { queries } = ticketQueueQueries({ status: 'all', text, page: 0, pageSize: 50, queue, me });
    const lists = await Promise.all(queries.map((q) => db.tickets.find(q).exec()));
    return lists
      .flat()
      .map((d) => d.id)
      .sort();
  };

  it('select open tickets by owner, group, assignment, escalation and major flag', async () => {
    expect(await run('mine')).toEqual(['mine']);
    expect(await run('groups')).toEqual(['group']);
    expect(await run('unassigned')).toEqual(['free']);
    expect(await run('escalated')).toEqual(['esc', 'sup']);
    expect(await run('major')).toEqual(['maj']);
    expect(await run('open')).toHaveLength(6);
  });

  it('combine with the text filter, and stay sorted by the queue key index', async () => {
    expect(await run('escalated', 'N4')).toEqual(['sup']);
    for (const q of ticketQueueQueries({ status: 'all', text: 'x', page: 0, pageSize: 50, queue: 'groups', me }).queries) {
      expect(db.tickets.find(q).getPreparedQuery().queryPlan.sortSatisfiedByIndex).toBe(true);
    }
  });
});
