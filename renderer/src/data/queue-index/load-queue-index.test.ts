import { afterEach, describe, expect, it } from 'vitest';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import { waitFor } from '../testing/wait.js';
import type { DeskDatabase } from '../types.js';
import { queueIndexFor } from './load-queue-index.js';
import { EMPTY_FILTER } from './queue-filter.js';
import { DEFAULT_SORT } from './queue-sort.js';

const me = { id: 'u-me', groupIds: [] };

describe('queue index fed by the tickets collection', () => {
  let db: DeskDatabase;
  afterEach(async () => {
    await db.close();
  });

  it('reads every stored ticket in pages, including runs of tickets updated at the same moment', async () => {
    db = await memoryDb();
    // 1,300 tickets, 700 of them on one update time: more than the first page, and a tie across the page boundary.
    await db.tickets.bulkInsert(
      Array.from({ length: 1300 }, (_, i) =>
        makeTicket({ id: `t-${i}`, number: `N${i}`, updatedAt: i < 700 ? 5_000 : 5_000 + i }),
      ),
    );
    const index = queueIndexFor(db.tickets);
    expect(queueIndexFor(db.tickets)).toBe(index);
    await waitFor(() => index.loaded, 10_000, 'the index load');
    expect(index.size).toBe(1300);
    const all = index.query({ queue: 'all', me, filter: EMPTY_FILTER, sort: DEFAULT_SORT });
    expect(all).toHaveLength(1300);
    expect(all.at(0).id).toBe('t-1299');
  });

  it('follows inserts, updates and deletions written to the collection', async () => {
    db = await memoryDb();
    await db.tickets.insert(makeTicket({ id: 'a', number: 'A', assigneeId: '', status: 'new' }));
    const index = queueIndexFor(db.tickets);
    await waitFor(() => index.loaded, 5000, 'the index load');
    const unassigned = () =>
      index
        .query({ queue: 'unassigned', me, filter: EMPTY_FILTER, sort: DEFAULT_SORT })
        .slice()
        .map((t) => t.id);
    expect(unassigned()).toEqual(['a']);

    await db.tickets.insert(makeTicket({ id: 'b', number: 'B', assigneeId: '', status: 'new', updatedAt: 1_800_000_000_000 }));
    expect(unassigned()).toEqual(['b', 'a']);

    const a = await db.tickets.findOne('a').exec();
    await a?.incrementalPatch({ assigneeId: 'u-me', status: 'assigned' });
    expect(unassigned()).toEqual(['b']);
    expect(
      index
        .query({ queue: 'mine', me, filter: EMPTY_FILTER, sort: DEFAULT_SORT })
        .slice()
        .map((t) => t.id),
    ).toEqual(['a']);

    await (await db.tickets.findOne('b').exec())?.remove();
    expect(unassigned()).toEqual([]);
    expect(index.get('b')).toBeUndefined();
  });
});
