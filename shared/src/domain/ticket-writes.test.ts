import { describe, expect, it } from 'vitest';
import { ticketDefinition } from '../schemas/ticket.js';
import { checkTicketRules } from './ticket-rules.js';
import {
  TICKET_TEXT_LIMITS,
  applyTicketPatch,
  meaningfulTicketChanges,
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
