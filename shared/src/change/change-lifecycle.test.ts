import { describe, expect, it } from 'vitest';
import { checkTicketRules } from '../domain/ticket-rules.js';
import { ticketDefinition } from '../schemas/ticket.js';
import { ticketEventDefinition } from '../schemas/ticket-event.js';
import { buildChange } from '../testing/build-change.js';
import { buildEvent, buildTicket } from '../testing/build-records.js';
import {
  canMoveChange,
  nextChangePhases,
  plannedTooFarViolations,
  reachableChangePhase,
  statusForChangePhase,
} from './change-lifecycle.js';

const codes = (ticket: Parameters<typeof checkTicketRules>[0], previous?: Parameters<typeof checkTicketRules>[1]) =>
  checkTicketRules(ticket, previous).map((v) => v.code);

describe('change lifecycle', () => {
  it('lets only standard changes skip the CAB and only emergency changes be implemented before approval', () => {
    expect(canMoveChange('standard', 'assessment', 'scheduled')).toBe(true);
    expect(canMoveChange('normal', 'assessment', 'scheduled')).toBe(false);
    expect(canMoveChange('standard', 'assessment', 'awaiting_approval')).toBe(false);
    expect(canMoveChange('emergency', 'awaiting_approval', 'implementing')).toBe(true);
    expect(canMoveChange('normal', 'awaiting_approval', 'implementing')).toBe(false);
    expect(nextChangePhases('normal', 'awaiting_approval')).toEqual(['assessment', 'scheduled', 'cancelled', 'rejected']);
  });

  it('never leaves a final phase, and accepts an offline walk along the lifecycle', () => {
    for (const final of ['closed', 'cancelled', 'rejected'] as const) {
      expect(nextChangePhases('normal', final)).toEqual([]);
      expect(reachableChangePhase('normal', final, 'draft')).toBe(false);
    }
    expect(reachableChangePhase('normal', 'scheduled', 'closed')).toBe(true);
    expect(reachableChangePhase('normal', 'draft', 'scheduled')).toBe(true);
    expect(reachableChangePhase('normal', 'review', 'scheduled')).toBe(false);
  });

  it('refuses a jump against the lifecycle and a status that does not fit the phase', () => {
    const stored = buildChange({ changePhase: 'review', changeOutcome: 'successful' });
    expect(codes({ ...stored, changePhase: 'scheduled' }, stored)).toContain('change_phase_transition');
    expect(codes({ ...stored, status: 'resolved' }, stored)).toContain('change_phase_status');
    expect(statusForChangePhase('closed', 'in_progress', 'usr-tech')).toBe('resolved');
    expect(statusForChangePhase('draft', 'in_progress', '')).toBe('new');
  });

  it('asks for the whole plan, the window and the risk answers before approval', () => {
    const change = buildChange({
      changePlan: { reason: 'x', implementation: ' ', test: '', backout: 'y' },
      plannedStart: undefined,
      riskAnswers: [],
    });
    const violations = checkTicketRules(change);
    expect(violations.map((v) => v.code)).toEqual(
      expect.arrayContaining(['change_plan_incomplete', 'change_window_required', 'change_risk_incomplete']),
    );
    expect(violations.find((v) => v.code === 'change_plan_incomplete')?.params).toEqual({ missing: 'implementation, test' });
    expect(codes(buildChange())).toEqual([]);
    expect(codes(buildChange({ changePhase: 'draft', status: 'assigned', changePlan: undefined, riskAnswers: [] }))).toEqual([]);
  });

  it('refuses a window that ends before it starts', () => {
    const change = buildChange();
    expect(codes({ ...change, plannedEnd: change.plannedStart! - 1 })).toContain('change_window_order');
  });

  it('closes with an outcome, and only after the review when it failed, was backed out or was an emergency', () => {
    const closing = buildChange({ changePhase: 'closed', status: 'resolved', resolutionNotes: 'Done.' });
    expect(codes(closing)).toEqual(['change_outcome_required']);
    expect(codes({ ...closing, changeOutcome: 'successful' })).toEqual([]);
    expect(codes({ ...closing, changeOutcome: 'failed' })).toEqual(['change_review_required']);
    expect(codes({ ...closing, changeOutcome: 'successful', changeType: 'emergency' })).toEqual(['change_review_required']);
    expect(codes({ ...closing, changeOutcome: 'backed_out', reviewNotes: 'Vendor patch broke logins.' })).toEqual([]);
  });

  it('keeps change, release and incident fields on their own types, and tasks under a change', () => {
    expect(codes(buildTicket({ changePhase: 'draft' }))).toContain('change_field_type');
    expect(codes(buildTicket({ type: 'change', releaseChangeIds: ['c1'] }))).toContain('change_field_type');
    expect(codes(buildTicket({ type: 'request', causedByChangeId: 'chg-1' }))).toContain('change_field_type');
    expect(codes(buildTicket({ causedByChangeId: 'chg-1' }))).toEqual([]);
    expect(codes(buildTicket({ type: 'task' }))).toContain('task_parent_required');
    expect(codes(buildTicket({ type: 'task', parentId: 'chg-1' }))).toEqual([]);
  });

  it('came with ticket schema v6 and event schema v2, which keep the replication and older documents as they are', () => {
    expect(ticketDefinition.schema.version).toBe(6);
    expect(ticketDefinition.replicationVersion).toBe(2);
    // Later bumps (v3: public replies) add kinds too; v2 stays an identity step on the same replication.
    expect(ticketEventDefinition.schema.version).toBeGreaterThanOrEqual(2);
    expect(ticketEventDefinition.replicationVersion).toBe(0);
    const v1Event = { ...buildEvent('t-1', 'u-1') } as unknown as Record<string, unknown>;
    expect(ticketEventDefinition.migrationStrategies[2](v1Event)).toBe(v1Event);
    const v5 = { ...buildTicket() } as unknown as Record<string, unknown>;
    expect(ticketDefinition.migrationStrategies[6](v5)).toBe(v5);
  });

  it('keeps a phase once given', () => {
    const stored = buildChange();
    expect(codes({ ...stored, changePhase: undefined }, stored)).toContain('change_phase_transition');
  });
});

describe('change rules a hostile or careless client meets', () => {
  it('settles the type during assessment: no relabelling a change before the CAB as emergency or standard', () => {
    const awaiting = buildChange();
    expect(codes({ ...awaiting, changeType: 'emergency' }, awaiting)).toContain('change_type_locked');
    expect(codes({ ...awaiting, changeType: 'standard' }, awaiting)).toContain('change_type_locked');
    const assessed = buildChange({ changePhase: 'assessment' });
    expect(codes({ ...assessed, changeType: 'emergency' }, assessed)).not.toContain('change_type_locked');
  });

  it('keeps the requester of a submitted change, so no CAB member can name someone else and approve their own', () => {
    const awaiting = buildChange();
    expect(codes({ ...awaiting, callerId: 'usr-someone-else' }, awaiting)).toContain('change_requester_locked');
    const draft = buildChange({ changePhase: 'draft', status: 'assigned' });
    expect(codes({ ...draft, callerId: 'usr-someone-else' }, draft)).not.toContain('change_requester_locked');
  });

  it('refuses a window longer than a year, and a start more than five years ahead when it moves', () => {
    const change = buildChange();
    expect(codes({ ...change, plannedEnd: change.plannedStart! + 367 * 86_400_000 })).toContain('change_window_too_long');
    const now = change.createdAt;
    const far = { ...change, plannedStart: now + 6 * 366 * 86_400_000, plannedEnd: now + 6 * 366 * 86_400_000 + 3_600_000 };
    expect(plannedTooFarViolations(far, change, now).map((v) => v.code)).toEqual(['change_window_far']);
    expect(plannedTooFarViolations(change, undefined, now)).toEqual([]);
    // Stored before the rule: left alone until the start moves.
    expect(plannedTooFarViolations({ ...far, title: 'x' }, far, now)).toEqual([]);
  });
});
