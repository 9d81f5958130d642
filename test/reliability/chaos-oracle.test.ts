import type { ConflictRecord } from '@shared';
import { describe, expect, it } from 'vitest';
import { checkConvergence, diffReplica, type OracleInput } from './chaos/oracle.js';
import type { EditRecord, PlainDoc } from './chaos/types.js';

const ticket = (fields: Record<string, unknown>): PlainDoc & { _deleted?: boolean } => ({ id: 't1', number: 'N1', ...fields });
/** An edit of t1; `prevRev` is the field's edit counter it started from (it writes one more). */
const edit = (client: number, seq: number, field: string, prev: unknown, value: unknown, prevRev = 0, at = seq): EditRecord => ({
  client,
  ticketId: 't1',
  field,
  prev,
  value,
  prevRev,
  rev: prevRev + 1,
  seq,
  at,
});
const conflict = (field: string, localValue: unknown): ConflictRecord => ({
  id: `tickets:t1:${field}`,
  kind: 'conflict',
  collectionName: 'tickets',
  docId: 't1',
  field,
  localValue: JSON.stringify(localValue),
  remoteValue: '"x"',
  detectedAt: 1,
  resolved: false,
});

function input(overrides: Partial<OracleInput>): OracleInput {
  return {
    serverTickets: new Map([['t1', ticket({ title: 'B' })]]),
    serverEvents: new Map(),
    edits: [],
    events: [],
    createdTickets: [],
    conflicts: new Map(),
    ...overrides,
  };
}

/** The oracle of the chaos test must itself be able to fail: each property is shown to catch its violation. */
describe('chaos oracle', () => {
  it('accepts edits in the final state, recorded as conflicts, superseded, or knowingly replaced', () => {
    const report = checkConvergence(
      input({
        edits: [
          edit(0, 0, 'title', 'O', 'A'),
          edit(1, 0, 'title', 'A', 'B', 1),
          edit(2, 0, 'title', 'O', 'C'),
          edit(2, 1, 'title', 'C', 'D', 1),
        ],
        conflicts: new Map([[2, [conflict('title', 'D')]]]),
      }),
    );
    expect(report.problems).toEqual([]);
    expect(report.edits).toMatchObject({
      inFinalState: 1,
      recordedAsConflict: 1,
      supersededByOwnLaterEdit: 1,
      replacedByOthers: 1,
    });
  });

  it('reports an edit that vanished without a conflict record', () => {
    const report = checkConvergence(input({ edits: [edit(0, 0, 'title', 'O', 'A'), edit(1, 0, 'title', 'O', 'B')] }));
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/lost edit: client 0 set t1.title = "A"/);
    // Deleting the ticket afterwards on the same device drops that edit: what comes back later is a kept version
    // (chaos seed 35200560). A deletion before the edit, or by another device, excuses nothing.
    const edits = [edit(0, 5, 'title', 'O', 'A'), edit(1, 0, 'title', 'O', 'B')];
    const deletedAfter = checkConvergence(input({ edits, deletions: [{ client: 0, ticketId: 't1', seq: 6 }] }));
    expect(deletedAfter.problems).toEqual([]);
    for (const deletion of [
      { client: 0, ticketId: 't1', seq: 4 },
      { client: 1, ticketId: 't1', seq: 9 },
    ])
      expect(checkConvergence(input({ edits, deletions: [deletion] })).problems).toHaveLength(1);
  });

  it('reports an edit changed back (A-B-A) and overwritten by a device that never saw it', () => {
    // Client 0: impact 2 -> 1 -> 2, both synced. Client 1, offline from 2: 2 -> 3, and it won without a conflict.
    const edits = [edit(0, 0, 'impact', 2, 1), edit(0, 1, 'impact', 1, 2, 1), edit(1, 0, 'impact', 2, 3)];
    const lost = checkConvergence(input({ serverTickets: new Map([['t1', ticket({ impact: 3 })]]), edits }));
    expect(lost.problems).toEqual([expect.stringMatching(/lost edit: client 0 set t1.impact = 2 \(was 1\)/)]);
    // The same history with the conflict recorded on client 1 is fine.
    const recorded = checkConvergence(
      input({
        serverTickets: new Map([['t1', ticket({ impact: 2 })]]),
        edits,
        conflicts: new Map([[1, [conflict('impact', 3)]]]),
      }),
    );
    expect(recorded.problems).toEqual([]);
    expect(recorded.edits).toMatchObject({ inFinalState: 1, recordedAsConflict: 1, supersededByOwnLaterEdit: 1 });
  });

  it('does not take a later edit of a repeated-value field by a device that had not seen the edit as replacing it', () => {
    const concurrent = [edit(0, 0, 'channel', 'phone', 'email', 0, 1), edit(1, 0, 'channel', 'phone', 'field', 0, 5)];
    const report = checkConvergence(input({ serverTickets: new Map([['t1', ticket({ channel: 'field' })]]), edits: concurrent }));
    expect(report.problems).toEqual([expect.stringMatching(/lost edit: client 0 set t1.channel = "email"/)]);
    // Same values, but client 1 started from client 0's edit (its counter): knowingly replaced.
    const seen = [edit(0, 0, 'channel', 'phone', 'email', 0, 1), edit(1, 0, 'channel', 'email', 'field', 1, 5)];
    expect(
      checkConvergence(input({ serverTickets: new Map([['t1', ticket({ channel: 'field' })]]), edits: seen })).problems,
    ).toEqual([]);
  });

  it('reports an edit that did not raise its edit counter by one', () => {
    const uncounted = { ...edit(0, 0, 'title', 'O', 'B'), rev: 0 };
    expect(checkConvergence(input({ edits: [uncounted] })).problems).toEqual([
      expect.stringMatching(/uncounted edit: client 0 set t1.title = "B" but its edit counter went from 0 to 0/),
    ]);
  });

  it('does not accept a conflict record of another client or another value', () => {
    const report = checkConvergence(
      input({
        edits: [edit(0, 0, 'title', 'O', 'A')],
        conflicts: new Map([
          [1, [conflict('title', 'A')]],
          [0, [conflict('title', 'Z')]],
        ]),
      }),
    );
    expect(report.problems).toHaveLength(1);
  });

  it('reports missing, altered or duplicated events and missing or duplicated tickets', () => {
    const event = {
      id: 'e1',
      ticketId: 't1',
      kind: 'comment',
      body: 'hello',
      authorId: 'u',
      occurredAt: 1,
      minutes: 0,
      fromValue: '',
      toValue: '',
    };
    const missing = checkConvergence(input({ events: [{ client: 0, doc: event }] }));
    expect(missing.problems[0]).toMatch(/e1 .* missing on the server/);
    const altered = checkConvergence(
      input({
        events: [{ client: 0, doc: event }],
        serverEvents: new Map([['e1', { ...event, body: 'changed', _deleted: false }]]),
      }),
    );
    expect(altered.problems[0]).toMatch(/differs on the server/);
    const duplicated = checkConvergence(
      input({
        serverEvents: new Map([
          ['e1', { ...event, _deleted: false }],
          ['e2', { ...event, id: 'e2', _deleted: false }],
        ]),
      }),
    );
    expect(duplicated.problems[0]).toMatch(/duplicate comment "hello": e1, e2/);
    const tickets = checkConvergence(
      input({
        serverTickets: new Map([
          ['t1', ticket({})],
          ['t2', ticket({ id: 't2' })],
        ]),
        createdTickets: [
          { client: 0, doc: ticket({}) },
          { client: 0, doc: ticket({ id: 't3', number: 'N3' }) },
        ],
      }),
    );
    expect(tickets.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/N1 appears 2 times/), expect.stringMatching(/t3 .* missing/)]),
    );
  });

  it('compares a replica with the server document for document', () => {
    const server = new Map([
      ['a', { id: 'a', v: 1, _deleted: false }],
      ['b', { id: 'b', v: 1, _deleted: true }],
      ['c', { id: 'c', v: 1, _deleted: false }],
    ]);
    expect(
      diffReplica(
        'r',
        [
          { id: 'a', v: 1 },
          { id: 'c', v: 1 },
        ],
        server,
      ),
    ).toEqual([]);
    const diffs = diffReplica(
      'r',
      [
        { id: 'a', v: 2 },
        { id: 'b', v: 1 },
      ],
      server,
    );
    expect(diffs).toEqual([
      expect.stringMatching(/a differs/),
      expect.stringMatching(/b is on the replica but deleted/),
      expect.stringMatching(/c is on the server but not on the replica/),
    ]);
  });

  it('counts a creation the server refused as set aside only while its refusal record holds it', () => {
    const created = { client: 2, doc: ticket({ id: 't9' }) };
    const lost = checkConvergence(
      input({ createdTickets: [created], edits: [{ ...edit(2, 0, 'title', 'O', 'A'), ticketId: 't9' }] }),
    );
    expect(lost.problems).toEqual([
      expect.stringMatching(/ticket t9 created by client 2 is missing/),
      expect.stringMatching(/ticket t9 edited by client 2 is missing/),
    ]);
    const refusal: ConflictRecord = {
      ...conflict('', { id: 't9' }),
      id: 'refusal:tickets:t9',
      kind: 'refusal',
      docId: 't9',
      remoteValue: 'null',
    };
    const setAside = checkConvergence(
      input({
        createdTickets: [created],
        edits: [{ ...edit(2, 0, 'title', 'O', 'A'), ticketId: 't9' }],
        conflicts: new Map([[2, [refusal]]]),
      }),
    );
    expect(setAside.problems).toEqual([]);
    expect(setAside.setAsideTickets).toBe(1);
    expect(setAside.edits.inRefusedCreation).toBe(1);
    // Another client's refusal does not excuse it.
    expect(checkConvergence(input({ createdTickets: [created], conflicts: new Map([[1, [refusal]]]) })).problems).toHaveLength(1);
  });

  it('counts a document still on a device after it left its user’s scope as a difference (issue 15 item 9)', () => {
    const mine = new Map([['a', { id: 'a', v: 1 }]]);
    const replica = [
      { id: 'a', v: 1 },
      { id: 'moved', v: 1 },
    ];
    expect(diffReplica('r', replica, mine, 10)).toEqual([expect.stringMatching(/moved is on the replica but absent/)]);
  });
});
