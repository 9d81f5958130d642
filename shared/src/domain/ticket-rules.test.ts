import { describe, expect, it } from 'vitest';
import { buildTicket } from '../testing/build-records.js';
import type { Ticket, TicketStatus } from '../schemas/ticket.js';
import { queueKeyFor, TICKET_STATUSES } from '../schemas/ticket.js';
import { computePriority, DEFAULT_PRIORITY_MATRIX } from './priority-matrix.js';
import { canTransition, STATUS_TRANSITIONS } from './ticket-lifecycle.js';
import { checkTicketRules, normalizeTicket } from './ticket-rules.js';

const ticket: Ticket = buildTicket({
  id: 't1',
  number: 'INC0000001',
  title: 'VPN down',
  description: '',
  impact: 1,
  urgency: 1,
  categoryId: 'cat-net',
  groupId: 'grp-network',
  callerId: 'usr-c',
  channel: 'email',
  createdAt: 1,
  updatedAt: 2,
});
const fieldsOf = (t: Ticket, prev?: Ticket) => checkTicketRules(t, prev).map((v) => v.field);

describe('priority matrix', () => {
  it('maps impact x urgency to ITIL priorities 1 (critical) to 5 (planning)', () => {
    expect(computePriority(1, 1)).toBe(1);
    expect(computePriority(1, 3)).toBe(3);
    expect(computePriority(3, 1)).toBe(3);
    expect(computePriority(2, 2)).toBe(3);
    expect(computePriority(3, 3)).toBe(5);
    // Symmetric: neither axis outranks the other.
    for (const i of [1, 2, 3] as const)
      for (const u of [1, 2, 3] as const) expect(DEFAULT_PRIORITY_MATRIX[i][u]).toBe(DEFAULT_PRIORITY_MATRIX[u][i]);
  });
});

describe('lifecycle', () => {
  it('allows the ITIL path and reopen, and nothing out of Closed', () => {
    const path: TicketStatus[] = [
      'new',
      'assigned',
      'in_progress',
      'pending',
      'in_progress',
      'resolved',
      'in_progress',
      'resolved',
      'closed',
    ];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
    for (const s of TICKET_STATUSES) if (s !== 'closed') expect(canTransition('closed', s)).toBe(false);
    expect(canTransition('new', 'closed')).toBe(false);
    expect(canTransition('pending', 'closed')).toBe(false);
    expect(STATUS_TRANSITIONS.resolved).toContain('in_progress');
  });
});

describe('checkTicketRules', () => {
  it('accepts a valid ticket', () => expect(checkTicketRules(ticket)).toEqual([]));

  it('refuses an illegal transition, naming the status field', () => {
    expect(fieldsOf({ ...ticket, status: 'closed', resolutionCode: 'fixed', resolutionNotes: 'x' }, ticket)).toEqual(['status']);
  });

  it('requires resolution code and notes to resolve', () => {
    expect(fieldsOf({ ...ticket, status: 'resolved' }, ticket)).toEqual(['resolutionCode', 'resolutionNotes']);
    expect(fieldsOf({ ...ticket, status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'Rebooted' }, ticket)).toEqual([]);
  });

  it('requires a reason to pend', () => {
    expect(fieldsOf({ ...ticket, status: 'pending' }, ticket)).toEqual(['pendingReason']);
    expect(fieldsOf({ ...ticket, status: 'pending', pendingReason: 'vendor' }, ticket)).toEqual([]);
  });

  it('requires a reason to override the computed priority', () => {
    expect(fieldsOf({ ...ticket, priority: 4 })).toEqual(['priority']);
    expect(fieldsOf({ ...ticket, priority: 4, priorityOverrideReason: 'Caller on leave' })).toEqual([]);
  });

  it('normalizeTicket recomputes priority and the queue key, but respects an override', () => {
    const n = normalizeTicket({ ...ticket, impact: 3, urgency: 3, updatedAt: 50 });
    expect(n.priority).toBe(5);
    expect(n.queueKey).toBe(queueKeyFor(50));
    expect(normalizeTicket({ ...ticket, priority: 5, priorityOverrideReason: 'agreed' }).priority).toBe(5);
  });
});
