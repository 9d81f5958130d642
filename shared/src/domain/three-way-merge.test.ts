import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../schemas/ticket.js';
import { queueKeyFor } from '../schemas/ticket.js';
import { MERGE_POLICIES, ticketMergePolicy } from './merge-policies.js';
import { computePriority } from './priority-matrix.js';
import { jsonEqual, threeWayMerge } from './three-way-merge.js';

const ticketPolicy = ticketMergePolicy;
type Editable = 'title' | 'description' | 'assigneeId' | 'groupId' | 'categoryId' | 'channel' | 'impact' | 'urgency';

const baseTicket: Ticket = {
  id: 't1',
  number: 'INC0000001',
  type: 'incident',
  title: 'Printer jammed',
  description: 'Third floor',
  status: 'assigned',
  pendingReason: '',
  impact: 2,
  urgency: 2,
  priority: 3,
  priorityOverrideReason: '',
  categoryId: 'cat-hw',
  groupId: 'grp-field',
  assigneeId: 'usr-tech',
  callerId: 'usr-caller',
  channel: 'phone',
  security: false,
  resolutionCode: '',
  resolutionNotes: '',
  createdAt: 1000,
  updatedAt: 2000,
  updatedBy: 'usr-agent',
  queueKey: queueKeyFor(2000),
};

/** A random edit of some editable fields, with a later update time. */
const editArb = fc.record(
  {
    title: fc.string({ minLength: 1, maxLength: 20 }),
    description: fc.string({ maxLength: 30 }),
    assigneeId: fc.constantFrom('', 'usr-a', 'usr-b'),
    groupId: fc.constantFrom('grp-field', 'grp-network'),
    categoryId: fc.constantFrom('cat-hw', 'cat-sw'),
    channel: fc.constantFrom('phone', 'email', 'field'),
    impact: fc.constantFrom(1, 2, 3),
    urgency: fc.constantFrom(1, 2, 3),
  },
  { requiredKeys: [] },
);

function apply(base: Ticket, edit: Partial<Pick<Ticket, Editable>>, at: number, by: string): Ticket {
  const t: Ticket = { ...base, ...edit, updatedAt: at, updatedBy: by };
  return { ...t, priority: computePriority(t.impact, t.urgency), queueKey: queueKeyFor(at) };
}

describe('threeWayMerge', () => {
  it('keeps every field edit when the two sides touch different fields', () => {
    fc.assert(
      fc.property(
        editArb,
        editArb,
        fc.integer({ min: 2001, max: 9999 }),
        fc.integer({ min: 2001, max: 9999 }),
        (le, re, lt, rt) => {
          // Give each field to one side only.
          const remoteEdit: Partial<Pick<Ticket, Editable>> = Object.fromEntries(Object.entries(re).filter(([k]) => !(k in le)));
          const local = apply(baseTicket, le, lt, 'usr-tech');
          const remote = apply(baseTicket, remoteEdit, rt, 'usr-agent');
          const { merged, clashes } = threeWayMerge(baseTicket, local, remote, ticketPolicy);
          expect(clashes).toEqual([]);
          for (const [k, v] of Object.entries(le)) expect(merged[k as Editable]).toEqual(v);
          for (const [k, v] of Object.entries(remoteEdit)) expect(merged[k as Editable]).toEqual(v);
          expect(merged.priority).toBe(computePriority(merged.impact, merged.urgency));
          expect(merged.updatedAt).toBe(Math.max(lt, rt));
          expect(merged.queueKey).toBe(queueKeyFor(merged.updatedAt));
        },
      ),
    );
  });

  it('is idempotent: merging the result again with the same remote changes nothing', () => {
    fc.assert(
      fc.property(editArb, editArb, (le, re) => {
        const local = apply(baseTicket, le, 3000, 'usr-tech');
        const remote = apply(baseTicket, re, 4000, 'usr-agent');
        const once = threeWayMerge(baseTicket, local, remote, ticketPolicy).merged;
        const twice = threeWayMerge(remote, once, remote, ticketPolicy);
        expect(twice.merged).toEqual(once);
        expect(twice.clashes).toEqual([]);
      }),
    );
  });

  it('reports a same-field clash, keeps the server value and loses neither value', () => {
    const local = apply(baseTicket, { title: 'Mine' }, 3000, 'usr-tech');
    const remote = apply(baseTicket, { title: 'Theirs', description: 'Changed remotely' }, 2500, 'usr-agent');
    const { merged, clashes } = threeWayMerge(baseTicket, local, remote, ticketPolicy);
    expect(merged.title).toBe('Theirs');
    expect(merged.description).toBe('Changed remotely');
    expect(clashes).toEqual([{ field: 'title', localValue: 'Mine', remoteValue: 'Theirs' }]);
  });

  it('does not call identical edits on both sides a clash', () => {
    const local = apply(baseTicket, { title: 'Same' }, 3000, 'usr-tech');
    const remote = apply(baseTicket, { title: 'Same' }, 3100, 'usr-agent');
    expect(threeWayMerge(baseTicket, local, remote, ticketPolicy).clashes).toEqual([]);
  });

  it('takes the confirmed number from the server when the device edited the ticket under its provisional number', () => {
    const provisional = { ...baseTicket, number: 'NEW-ABCDEF' };
    const local = apply(provisional, { title: 'Edited offline' }, 3000, 'usr-tech');
    const remote = { ...provisional, number: 'INC0001234' };
    const { merged, clashes } = threeWayMerge(provisional, local, remote, ticketPolicy);
    expect(merged).toMatchObject({ number: 'INC0001234', title: 'Edited offline' });
    expect(clashes).toEqual([]);
    // A retried creation has no base: the number still is no clash, the other differing fields are.
    const retried = threeWayMerge(undefined, provisional, remote, ticketPolicy);
    expect(retried.merged.number).toBe('INC0001234');
    expect(retried.clashes).toEqual([]);
  });

  it('keeps both sides of an append-only collection: differing events are clashes, never merged away', () => {
    const event = { id: 'e1', body: 'a', minutes: 5 };
    const { merged, clashes } = threeWayMerge(undefined, { ...event, body: 'b' }, event, MERGE_POLICIES.ticket_events);
    expect(merged).toEqual(event);
    expect(clashes).toEqual([{ field: 'body', localValue: 'b', remoteValue: 'a' }]);
  });
});

describe('jsonEqual', () => {
  it('ignores key order and compares deeply', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const copy: unknown = JSON.parse(JSON.stringify(v));
        expect(jsonEqual(v, copy)).toBe(true);
      }),
    );
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: null }, { a: 0 })).toBe(false);
  });
});
