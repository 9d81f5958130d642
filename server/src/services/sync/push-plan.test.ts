import { jsonEqual, type Actor } from '@shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticle, makeEvent, makeTicket } from '../../test-support/fixtures.js';
import type { SyncDocument } from './document-validation.js';
import { planPush, type PlannedRow } from './push-plan.js';

const supervisor: Actor = { id: 'usr-supervisor', role: 'supervisor', groupIds: [] };
const tech: Actor = { id: 'usr-tech', role: 'technician', groupIds: ['grp-field'] };
const doc = (value: object): SyncDocument => value as SyncDocument;
const noTickets = new Map<string, SyncDocument>();

describe('planPush: the conflict rule', () => {
  const state = fc.record({ version: fc.integer({ min: 1, max: 3 }), deleted: fc.boolean() });
  const rowCase = fc.record({
    master: fc.option(state, { nil: undefined }),
    assumed: fc.option(state, { nil: undefined }),
    next: state,
  });

  it('writes, skips or reports a conflict exactly as the design notes say', () => {
    fc.assert(
      fc.property(fc.array(rowCase, { minLength: 1, maxLength: 8 }), (cases) => {
        const masters = new Map<string, SyncDocument>();
        const rows: PlannedRow[] = cases.map((c, i) => {
          const id = `kb-${i}`;
          const make = (s: { version: number; deleted: boolean }): SyncDocument => ({
            ...doc(makeArticle({ id, version: s.version })),
            _deleted: s.deleted,
          });
          if (c.master) masters.set(id, make(c.master));
          return { assumedMasterState: c.assumed && make(c.assumed), newDocumentState: make(c.next) };
        });
        const plan = planPush({ actor: supervisor, collection: 'kb_articles', tickets: noTickets }, rows, masters);
        expect(plan.violations).toEqual([]);
        const expectedWrites: SyncDocument[] = [];
        const expectedConflicts: SyncDocument[] = [];
        for (const row of rows) {
          const master = masters.get(row.newDocumentState.id);
          if (!master) expectedWrites.push(row.newDocumentState);
          else if (jsonEqual(master, row.newDocumentState)) continue;
          else if (row.assumedMasterState && jsonEqual(row.assumedMasterState, master)) expectedWrites.push(row.newDocumentState);
          else expectedConflicts.push(master);
        }
        expect(plan.writes).toEqual(expectedWrites);
        expect(plan.conflicts).toEqual(expectedConflicts);
      }),
    );
  });

  it('compares the assumed state independently of key order', () => {
    const master = doc(makeArticle({ id: 'kb-x' }));
    const reversed = Object.fromEntries(Object.entries(master).reverse());
    const plan = planPush(
      { actor: supervisor, collection: 'kb_articles', tickets: noTickets },
      [{ assumedMasterState: reversed, newDocumentState: { ...master, version: 2 } }],
      new Map([['kb-x', master]]),
    );
    expect(plan.writes).toHaveLength(1);
    expect(plan.conflicts).toEqual([]);
  });
});

describe('planPush: authorisation comes before conflicts', () => {
  it('refuses an edit the role may not make even when the assumed state is stale', () => {
    const master = doc(makeArticle({ id: 'kb-y' }));
    const plan = planPush(
      { actor: tech, collection: 'kb_articles', tickets: noTickets },
      [{ newDocumentState: { ...master, version: 5 } }],
      new Map([['kb-y', master]]),
    );
    expect(plan.conflicts).toEqual([]);
    expect(plan.violations).toEqual([expect.objectContaining({ status: 403, documentId: 'kb-y' })]);
  });

  it('never returns the master of a ticket the user cannot see', () => {
    const hidden = doc(makeTicket({ id: 'tkt-h', groupId: 'grp-network' }));
    const plan = planPush(
      { actor: tech, collection: 'tickets', tickets: noTickets },
      [{ newDocumentState: { ...hidden, title: 'x' } }],
      new Map([['tkt-h', hidden]]),
    );
    expect(plan.conflicts).toEqual([]);
    expect(plan.violations[0]).toMatchObject({ status: 403, documentId: 'tkt-h' });
  });

  it('treats events as append-only but accepts an identical retry', () => {
    const ticket = doc(makeTicket({ id: 'tkt-1', groupId: 'grp-field' }));
    const event = doc(makeEvent('tkt-1', 'usr-tech', { id: 'ev-1' }));
    const ctx = { actor: tech, collection: 'ticket_events' as const, tickets: new Map([['tkt-1', ticket]]) };
    const masters = new Map([['ev-1', event]]);
    expect(planPush(ctx, [{ newDocumentState: event }], masters)).toEqual({
      writes: [],
      conflicts: [],
      violations: [],
      scopeChangedTicketIds: [],
      unchanged: [event],
    });
    const edit = planPush(ctx, [{ assumedMasterState: event, newDocumentState: { ...event, body: 'changed' } }], masters);
    expect(edit.violations[0]).toMatchObject({ status: 403, documentId: 'ev-1' });
  });

  it('lists tickets whose visibility scope changed', () => {
    const master = doc(makeTicket({ id: 'tkt-2', groupId: 'grp-field' }));
    const moved = { ...master, groupId: 'grp-apps' };
    const retitled = { ...master, title: 'New title' };
    const ctx = { actor: supervisor, collection: 'tickets' as const, tickets: noTickets };
    expect(
      planPush(ctx, [{ assumedMasterState: master, newDocumentState: moved }], new Map([['tkt-2', master]]))
        .scopeChangedTicketIds,
    ).toEqual(['tkt-2']);
    expect(
      planPush(ctx, [{ assumedMasterState: master, newDocumentState: retitled }], new Map([['tkt-2', master]]))
        .scopeChangedTicketIds,
    ).toEqual([]);
  });

  it('answers a conflict, not a 403, when a role without delete rights edited a ticket deleted meanwhile', () => {
    const live = doc(makeTicket({ id: 'tkt-3', groupId: 'grp-field' }));
    const tombstone = { ...live, _deleted: true };
    const edited = { ...live, title: 'Edited offline' };
    const ctx = { actor: tech, collection: 'tickets' as const, tickets: noTickets };
    const plan = planPush(ctx, [{ assumedMasterState: live, newDocumentState: edited }], new Map([['tkt-3', tombstone]]));
    expect(plan.violations).toEqual([]);
    expect(plan.conflicts).toEqual([tombstone]);
    // Restoring it knowingly (assumed = the tombstone) is still refused.
    const restore = planPush(ctx, [{ assumedMasterState: tombstone, newDocumentState: edited }], new Map([['tkt-3', tombstone]]));
    expect(restore.violations[0]).toMatchObject({ status: 403, field: '_deleted' });
  });
});

describe('planPush: edit counters', () => {
  const ctx = { actor: supervisor, collection: 'tickets' as const, tickets: noTickets };
  const master = doc(makeTicket({ id: 'tkt-c', groupId: 'grp-field', fieldRevs: { title: 2, impact: 1 } }));
  const masters = new Map([['tkt-c', master]]);
  const push = (next: object, assumed: Record<string, unknown> | null = master) =>
    planPush(ctx, [{ assumedMasterState: assumed, newDocumentState: doc(next) }], masters);

  it('writes counters that stay or go up', () => {
    expect(push({ ...master, title: 'x', fieldRevs: { title: 3, impact: 1 } }).writes).toHaveLength(1);
    expect(push({ ...master, channel: 'email', fieldRevs: { title: 2, impact: 1, channel: 1 } }).writes).toHaveLength(1);
  });

  it('refuses a write based on the master that lowers or drops counters (422 naming each counter)', () => {
    const lowered = push({ ...master, title: 'x', fieldRevs: { title: 1 } });
    expect(lowered.writes).toEqual([]);
    expect(lowered.violations.map((v) => [v.status, v.field])).toEqual([
      [422, 'fieldRevs.title'],
      [422, 'fieldRevs.impact'],
    ]);
    expect(lowered.violations[0].message).toContain('went down from 2 to 1');
    const { fieldRevs: _dropped, ...withoutCounters } = master;
    const dropped = push({ ...withoutCounters, title: 'x' });
    expect(dropped.violations.map((v) => [v.status, v.field])).toEqual([[422, 'fieldRevs']]);
    expect(dropped.violations[0].message).toContain('older than the server');
  });

  it('answers a stale write with the master, whatever its counters: the device merges first', () => {
    const stale = push({ ...master, title: 'x', fieldRevs: { title: 1 } }, { ...master, fieldRevs: { title: 1, impact: 1 } });
    expect(stale.violations).toEqual([]);
    expect(stale.conflicts).toEqual([master]);
  });
});
