import type { TicketEventKind } from '@shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { linkChildByNumber, postStakeholderUpdate, recordReview, resolveWithChildren, unlinkChild } from './major-incident.js';
import { updateTicket } from './tickets.js';

const me = { id: 'u-me', role: 'agent' as const };
const review = {
  summary: 'Mail down 2 h',
  rootCause: 'Expired certificate',
  wentWell: 'Updates',
  actions: 'Monitor certificates',
};

describe('major incident commands', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.tickets.bulkInsert([
      makeTicket({ id: 'p', number: 'INC0000100', status: 'in_progress', major: true, majorManagerId: 'u-mgr' }),
      makeTicket({ id: 'c1', number: 'INC0000101', status: 'assigned' }),
      makeTicket({ id: 'c2', number: 'INC0000102', status: 'new' }),
      makeTicket({ id: 'c3', number: 'INC0000103', status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'x' }),
    ]);
  });
  afterEach(async () => {
    await db.close();
  });
  const ticket = async (id: string) => (await db.tickets.findOne(id).exec())!.toJSON();
  const events = async (ticketId: string, kind: TicketEventKind) =>
    (await db.ticket_events.find({ selector: { ticketId, kind } }).exec()).map((e) => e.toJSON());

  it('links children by number, refuses a second link, and unlinks', async () => {
    expect(await linkChildByNumber(db, 'p', 'inc0000101', me)).toEqual([]);
    expect((await ticket('c1')).parentId).toBe('p');
    expect((await linkChildByNumber(db, 'p', 'INC0000101', me))[0].message).toMatch(/already linked/);
    expect((await linkChildByNumber(db, 'p', 'INC9', me))[0].field).toBe('number');
    expect(await unlinkChild(db, 'c1', me)).toEqual([]);
    expect((await ticket('c1')).parentId).toBe('');
  });

  it('resolves the parent and the chosen children with one resolution, each with its own status change', async () => {
    const result = await resolveWithChildren(db, 'p', { resolutionCode: 'fixed', resolutionNotes: 'Restored' }, ['c1', 'c2'], me);
    expect(result).toEqual({ violations: [], updated: 2, refused: [] });
    for (const id of ['p', 'c1', 'c2']) {
      expect(await ticket(id)).toMatchObject({ status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'Restored' });
      expect(await events(id, 'status_change')).toHaveLength(1);
    }
  });

  it('posts stakeholder updates as communication events, and refuses an empty one', async () => {
    expect((await postStakeholderUpdate(db, 'p', '  ', me))[0].field).toBe('body');
    expect(await postStakeholderUpdate(db, 'p', 'Mail is degraded; next update 10:00', me)).toEqual([]);
    expect(await events('p', 'communication')).toEqual([
      expect.objectContaining({ body: 'Mail is degraded; next update 10:00', toValue: 'stakeholders', authorId: 'u-me' }),
    ]);
  });

  it('closes a major incident only after its post-incident review', async () => {
    await resolveWithChildren(db, 'p', { resolutionCode: 'fixed', resolutionNotes: 'Restored' }, [], me);
    expect((await updateTicket(db, 'p', { status: 'closed' }, me)).map((v) => v.field)).toEqual(['review']);
    expect((await ticket('p')).status).toBe('resolved');
    expect((await recordReview(db, 'p', { ...review, rootCause: '' }, me)).map((v) => v.field)).toEqual(['rootCause']);
    expect(await recordReview(db, 'p', review, me)).toEqual([]);
    expect(await updateTicket(db, 'p', { status: 'closed' }, me)).toEqual([]);
    expect((await ticket('p')).status).toBe('closed');
  });
});
