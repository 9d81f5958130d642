import { describe, expect, it } from 'vitest';
import { ticketDefinition } from '../schemas/ticket.js';
import { checkTicketRules } from './ticket-rules.js';
import {
  TICKET_TEXT_LIMITS,
  applyTicketPatch,
  handOverPatch,
  meaningfulTicketChanges,
  recategorisePatch,
  newTicket,
  ticketShapeViolations,
} from './ticket-writes.js';

const fields = {
  id: '3f2a9c1e-7b4d-4e2a-9f1c-0a1b2c3d4e5f',
  type: 'incident',
  title: '  Printer jams  ',
  description: 'Third floor',
  impact: 2,
  urgency: 2,
  categoryId: 'cat-print',
  groupId: 'grp-desk',
  callerId: 'u-caller',
  channel: 'phone',
  security: false,
} as const;

describe('ticket writes', () => {
  it('reads every text limit from the ticket schema', () => {
    for (const [field, max] of Object.entries(TICKET_TEXT_LIMITS)) {
      expect(max).toBe(ticketDefinition.schema.properties[field]?.maxLength);
    }
    expect(TICKET_TEXT_LIMITS.title).toBe(300);
  });

  it('creates a new ticket every rule accepts, with a provisional number and trimmed title', () => {
    const ticket = newTicket(fields, 'u-tech', 1_000);
    expect(ticket.number).toMatch(/^NEW-/);
    expect(ticket.title).toBe('Printer jams');
    expect(checkTicketRules(ticket)).toEqual([]);
  });

  it('names each affected CI once, and leaves ciIds out when none is linked', () => {
    expect(newTicket({ ...fields, ciIds: ['ci-a', 'ci-b', 'ci-a'] }, 'u-tech', 1_000).ciIds).toEqual(['ci-a', 'ci-b']);
    expect('ciIds' in newTicket({ ...fields, ciIds: [] }, 'u-tech', 1_000)).toBe(false);
    const linked = applyTicketPatch(newTicket(fields, 'u-tech', 1_000), { ciIds: ['ci-a'] }, 'u-tech', 2_000);
    expect(linked.fieldRevs?.ciIds).toBe(1);
  });

  it('flags a 301-character title with the length code, not the missing-title one', () => {
    const problems = ticketShapeViolations({ title: 'x'.repeat(301) });
    expect(problems).toEqual([expect.objectContaining({ code: 'too_long', field: 'title', params: { max: 300 } })]);
    expect(ticketShapeViolations({ title: '   ' })[0]?.code).toBe('title_required');
  });

  it('counts an edit and ignores a patch that changes only bookkeeping', () => {
    const before = newTicket(fields, 'u-tech', 1_000);
    const after = applyTicketPatch(before, { title: 'Printer jams again' }, 'u-tech', 500);
    expect(after.updatedAt).toBe(1_001);
    expect(after.fieldRevs?.title).toBe(1);
    expect(meaningfulTicketChanges(before, after)).toEqual(['title']);
    expect(meaningfulTicketChanges(before, applyTicketPatch(before, {}, 'u-other', 2_000))).toEqual([]);
  });
});

describe('status follows the assignment', () => {
  const base = newTicket(fields, 'u-agent', 1_000);
  const assigned = applyTicketPatch(base, { assigneeId: 'u-tech' }, 'u-agent', 2_000);

  it('assigning a new ticket makes it Assigned, clearing the assignee takes it back to New', () => {
    expect(assigned.status).toBe('assigned');
    const cleared = applyTicketPatch(assigned, { assigneeId: '' }, 'u-agent', 3_000);
    expect(cleared.status).toBe('new');
    expect(checkTicketRules(cleared, assigned)).toEqual([]);
  });

  it('an in-progress ticket unassigned returns to New within the lifecycle', () => {
    const working = applyTicketPatch(assigned, { status: 'in_progress' }, 'u-tech', 3_000);
    const cleared = applyTicketPatch(working, { assigneeId: '' }, 'u-agent', 4_000);
    expect(cleared.status).toBe('new');
    expect(checkTicketRules(cleared, working)).toEqual([]);
  });

  it('keeps a status the person chose with the assignment', () => {
    expect(applyTicketPatch(base, { assigneeId: 'u-tech', status: 'in_progress' }, 'u-agent', 2_000).status).toBe('in_progress');
  });

  it('an escalation hand-over leaves no Assigned ticket without an assignee', () => {
    const working = applyTicketPatch(assigned, { status: 'in_progress' }, 'u-tech', 3_000);
    const escalated = applyTicketPatch(working, handOverPatch(working, 'grp-network'), 'u-tech', 4_000);
    expect(escalated).toMatchObject({ groupId: 'grp-network', assigneeId: '', status: 'new' });
    expect(checkTicketRules(escalated, working)).toEqual([]);
    expect(handOverPatch(working, working.groupId)).toEqual({});
  });
});

describe('recategorisePatch', () => {
  const categories = [
    { id: 'cat-net', parentId: '', groupId: 'grp-network' },
    { id: 'cat-net-wifi', parentId: 'cat-net', groupId: '' },
    { id: 'cat-other', parentId: '', groupId: '' },
    { id: 'cat-phishing', parentId: '', groupId: 'grp-security' },
  ];
  const ticket = { groupId: 'grp-desk', status: 'assigned', security: false } as const;

  it('routes as creation does when the category (or an ancestor) names a group', () => {
    expect(recategorisePatch(ticket, 'cat-net-wifi', categories)).toEqual({
      categoryId: 'cat-net-wifi',
      groupId: 'grp-network',
      assigneeId: '',
      status: 'new',
    });
  });
  it('keeps the group when the category names none', () => {
    expect(recategorisePatch(ticket, 'cat-other', categories)).toEqual({ categoryId: 'cat-other' });
  });
  it('marks a ticket moved to a security category restricted', () => {
    expect(recategorisePatch(ticket, 'cat-phishing', categories)).toMatchObject({ security: true, groupId: 'grp-security' });
  });
});
