import { provisionalNumber } from '@shared/domain/ticket-numbering.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { findTicketIdByNumber } from './lookup.js';

describe('findTicketIdByNumber', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it('finds a ticket by its confirmed number, and by the provisional one a customer was given before it synced', async () => {
    const id = '7d1c2a40-59e3-4c1e-9d0a-2b6f3e8c9a11';
    const given = provisionalNumber(id);
    await db.tickets.insert(makeTicket({ id, number: given }));
    expect(await findTicketIdByNumber(db, given)).toBe(id);
    // The server confirms its own number: the one the customer holds keeps working.
    await db.tickets.upsert(makeTicket({ id, number: 'INC0004321' }));
    expect(await findTicketIdByNumber(db, 'INC0004321')).toBe(id);
    expect(await findTicketIdByNumber(db, given)).toBe(id);
    expect(await findTicketIdByNumber(db, 'NEW-AAAAAA')).toBeNull();
    expect(await findTicketIdByNumber(db, 'INC0009999')).toBeNull();
  });
});
