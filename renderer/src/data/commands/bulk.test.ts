import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { bulkUpdateTickets } from './bulk.js';

describe('bulkUpdateTickets', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.tickets.bulkInsert([
      makeTicket({ id: 'a', number: 'A', status: 'new', assigneeId: '' }),
      makeTicket({ id: 'b', number: 'B', status: 'assigned' }),
      makeTicket({ id: 'c', number: 'C', status: 'closed', resolutionCode: 'fixed', resolutionNotes: 'x' }),
    ]);
  });
  afterEach(async () => {
    await db.close();
  });

  it('assigns each ticket and reports refusals per ticket', async () => {
    const res = await bulkUpdateTickets(db, ['a', 'b', 'c'], { status: 'in_progress' }, { id: 'u' });
    expect(res.updated).toBe(2);
    expect(res.refused.map((r) => [r.number, r.violations[0].field])).toEqual([['C', 'status']]);
    const assigned = await bulkUpdateTickets(db, ['a'], { assigneeId: 'u-new' }, { id: 'u' });
    expect(assigned).toEqual({ updated: 1, refused: [] });
  });
});
