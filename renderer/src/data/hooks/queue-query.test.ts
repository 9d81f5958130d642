import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { ticketQueueQueries } from './tickets.js';
import type { TicketStatusFilter } from './tickets.js';

describe('queue queries', () => {
  let db: DeskDatabase;
  beforeAll(async () => {
    db = await memoryDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('are always sorted by an index, so 100k local tickets stay fast (the scan stops after one page)', () => {
    for (const status of ['all', 'open', 'new', 'pending', 'closed'] as TicketStatusFilter[]) {
      for (const text of ['', 'printer']) {
        for (const query of ticketQueueQueries({ status, text, page: 2, pageSize: 50 }).queries) {
          const plan = db.tickets.find(query).getPreparedQuery().queryPlan;
          expect(plan.sortSatisfiedByIndex, `${status} / "${text}"`).toBe(true);
          expect(plan.index.slice(-2), `${status} / "${text}"`).toEqual(['queueKey', 'id']);
        }
      }
    }
  });

  it('uses the status index for each status, and one query per open status', () => {
    const { queries } = ticketQueueQueries({ status: 'open', text: '', page: 0, pageSize: 50 });
    expect(queries.map((q) => q.selector?.status)).toEqual(['new', 'assigned', 'in_progress', 'pending']);
    expect(db.tickets.find(queries[0]).getPreparedQuery().queryPlan.index).toEqual(['_deleted', 'status', 'queueKey', 'id']);
  });

  it('pages the merged open queue newest first', async () => {
    const statuses = ['new', 'assigned', 'closed', 'pending', 'in_progress', 'resolved'] as const;
    await db.tickets.bulkInsert(
      Array.from({ length: 30 }, (_, i) =>
        makeTicket({ id: `q-${i}`, number: `Q${i}`, status: statuses[i % 6], updatedAt: 1_000_000 + i }),
      ),
    );
    const { queries, offset } = ticketQueueQueries({ status: 'open', text: '', page: 1, pageSize: 5 });
    const lists = await Promise.all(queries.map((q) => db.tickets.find(q).exec()));
    const merged = lists
      .flat()
      .sort((a, b) => a.queueKey - b.queueKey)
      .slice(offset)
      .map((d) => d.number);
    // Open (new, assigned, pending, in progress) from the newest: 28 27 25 24 22 | 21 19 18 16 15.
    expect(merged.slice(0, 5)).toEqual(['Q21', 'Q19', 'Q18', 'Q16', 'Q15']);
  });
});
