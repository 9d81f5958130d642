import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTicket } from '../testing/build-records.js';
import type { Ticket } from '../schemas/ticket.js';
import { queueKeyFor } from '../schemas/ticket.js';
import { TICKET_REVISED_FIELDS, bumpFieldRevisions, fieldRevision } from './field-revisions.js';
import { MERGE_POLICIES, ticketMergePolicy } from './merge-policies.js';
import { computePriority } from './priority-matrix.js';
import { jsonEqual, threeWayMerge } from './three-way-merge.js';

const ticketPolicy = ticketMergePolicy;
type Editable = 'title' | 'description' | 'assigneeId' | 'groupId' | 'categoryId' | 'channel' | 'impact' | 'urgency';

const baseTicket: Ticket = buildTicket({
  id: 't1',
  number: 'INC0000001',
  title: 'Printer jammed',
  description: 'Third floor',
  categoryId: 'cat-hw',
  assigneeId: 'usr-tech',
  callerId: 'usr-caller',
  createdAt: 1000,
  updatedAt: 2000,
});

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

/** An edit as the client's update command makes it: bookkeeping, priority and edit counters follow. */
function apply(base: Ticket, edit: Partial<Pick<Ticket, Editable>>, at: number, by: string): Ticket {
  const t: Ticket = { ...base, ...edit, updatedAt: at, updatedBy: by };
  const next: Ticket = { ...t, priority: computePriority(t.impact, t.urgency), queueKey: queueKeyFor(at) };
  const fieldRevs = bumpFieldRevisions(base.fieldRevs, { ...base }, { ...next }, TICKET_REVISED_FIELDS, jsonEqual);
  return fieldRevs === undefined ? next : { ...next, fieldRevs };
}

/** Applies edits one after the other, as one device would, from `start`. */
function history(start: Ticket, edits: readonly Partial<Pick<Ticket, Editable>>[], by: string, from: number): Ticket {
  return edits.reduce<Ticket>((doc, edit, i) => apply(doc, edit, from + i, by), start);
}

/**
 * Edits over a tiny value domain, so that a device often changes a field and changes it back (A -> B -> A), the
 * case a state-only comparison misses.
 */
const narrowEditArb = fc.record(
  {
    title: fc.constantFrom('Printer jammed', 'Printer on fire'),
    assigneeId: fc.constantFrom('usr-tech', 'usr-a'),
    channel: fc.constantFrom('phone', 'email'),
    impact: fc.constantFrom(2, 3),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Partial<Pick<Ticket, Editable>>>;

const NARROW_FIELDS: readonly Editable[] = ['title', 'assigneeId', 'channel', 'impact'];

/** Fields some edit of the list changed (even if a later edit of the list set them back). */
function touched(start: Ticket, edits: readonly Partial<Pick<Ticket, Editable>>[]): Set<string> {
  const out = new Set<string>();
  let doc: Record<string, unknown> = { ...start };
  for (const edit of edits) {
    for (const [k, v] of Object.entries(edit)) if (!jsonEqual(doc[k], v)) out.add(k);
    doc = { ...doc, ...edit };
  }
  return out;
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

  it('loses no edit without a clash record, even when one side changed a field and changed it back (A-B-A)', () => {
    fc.assert(
      fc.property(
        fc.array(narrowEditArb, { maxLength: 5 }),
        fc.array(narrowEditArb, { maxLength: 5 }),
        fc.boolean(),
        (localEdits, remoteEdits, localNewer) => {
          const local = history(baseTicket, localEdits, 'usr-tech', localNewer ? 5000 : 3000);
          const remote = history(baseTicket, remoteEdits, 'usr-agent', localNewer ? 3000 : 5000);
          const { merged, clashes } = threeWayMerge(baseTicket, local, remote, ticketPolicy);
          const clashed = new Map(clashes.map((c) => [c.field, c]));
          const mine = touched(baseTicket, localEdits);
          const theirs = touched(baseTicket, remoteEdits);
          for (const f of NARROW_FIELDS) {
            // The server's edits always survive: the merged document holds the server's value of every field it edited.
            if (theirs.has(f)) expect(merged[f]).toEqual(remote[f]);
            // Each of this device's edits is in the result, or its final value waits in a clash record.
            if (mine.has(f) && !jsonEqual(merged[f], local[f])) {
              expect(clashed.get(f)).toEqual({ field: f, localValue: local[f], remoteValue: remote[f] });
            }
            if (!mine.has(f) && !theirs.has(f)) expect(merged[f]).toEqual(baseTicket[f]);
            // A clash is reported only where both sides edited and disagree.
            if (clashed.has(f)) expect(mine.has(f) && theirs.has(f) && !jsonEqual(local[f], remote[f])).toBe(true);
            // The server accepts the result: no counter goes below the server's.
            expect(fieldRevision(merged.fieldRevs, f)).toBeGreaterThanOrEqual(fieldRevision(remote.fieldRevs, f));
          }
          expect(merged.priority).toBe(computePriority(merged.impact, merged.urgency));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reports a clash when the server changed a field and back while this device changed it (A-B-A)', () => {
    // Device X: A -> B -> A, both synced. Device Y, offline from A: A -> C.
    const remote = history(baseTicket, [{ assigneeId: 'usr-a' }, { assigneeId: 'usr-tech' }], 'usr-agent', 3000);
    const local = apply(baseTicket, { assigneeId: 'usr-b' }, 4000, 'usr-tech');
    expect(remote.assigneeId).toBe(baseTicket.assigneeId);
    const { merged, clashes } = threeWayMerge(baseTicket, local, remote, ticketPolicy);
    expect(merged.assigneeId).toBe('usr-tech');
    expect(merged.fieldRevs).toEqual({ assigneeId: 2 });
    expect(clashes).toEqual([{ field: 'assigneeId', localValue: 'usr-b', remoteValue: 'usr-tech' }]);
    // Documents without counters (written before schema v2) merge by value, as before: the A-B-A goes unseen.
    const { fieldRevs: _r, ...remoteWithout } = remote;
    const { fieldRevs: _l, ...localWithout } = local;
    expect(threeWayMerge(baseTicket, localWithout, remoteWithout, ticketPolicy).merged.assigneeId).toBe('usr-b');
  });

  it('takes a change this device made and undid as a change too, and keeps the higher counter where values agree', () => {
    const local = history(baseTicket, [{ channel: 'email' }, { channel: 'phone' }], 'usr-tech', 3000);
    const remote = apply(baseTicket, { channel: 'email' }, 4000, 'usr-agent');
    const clash = threeWayMerge(baseTicket, local, remote, ticketPolicy);
    expect(clash.clashes).toEqual([{ field: 'channel', localValue: 'phone', remoteValue: 'email' }]);
    expect(clash.merged.fieldRevs).toEqual({ channel: 1 });
    const agreeing = apply(baseTicket, { channel: 'phone', title: 'Other' }, 4000, 'usr-agent');
    const agreed = threeWayMerge(baseTicket, local, agreeing, ticketPolicy);
    expect(agreed.clashes).toEqual([]);
    expect(agreed.merged.fieldRevs).toEqual({ channel: 2, title: 1 });
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
