import { describe, expect, it } from 'vitest';
import { buildApproval, buildChange, buildRiskAnswers } from '../testing/build-change.js';
import {
  approvalBeforeSchedule,
  approvalRefusals,
  decisionOpen,
  approvalState,
  changeFingerprint,
  requiredApprovals,
} from './change-approvals.js';
import { DEFAULT_CHANGE_SETTINGS as SETTINGS } from './change-settings.js';

const CAB = new Set(['usr-a', 'usr-b', 'usr-c', 'usr-requester']);
const HIGH = buildRiskAnswers({ experience: 'first_time', testing: 'untested', backout: 'impossible', outage: 'long' });

describe('CAB quorum', () => {
  it('needs one, a majority or all of the electorate', () => {
    expect([
      requiredApprovals('any', 3),
      requiredApprovals('majority', 3),
      requiredApprovals('majority', 4),
      requiredApprovals('all', 3),
    ]).toEqual([1, 2, 3, 3]);
    expect(requiredApprovals('all', 0)).toBe(0);
  });

  it('takes the rule from the risk level and leaves the requester out of the electorate', () => {
    const low = buildChange();
    const state = approvalState(low, [buildApproval(low, 'usr-a')], CAB, SETTINGS);
    expect(state.rule).toBe('any');
    expect(state.electorate).toEqual(['usr-a', 'usr-b', 'usr-c']);
    expect(state.met).toBe(true);
    const high = buildChange({ riskAnswers: HIGH });
    const partly = approvalState(high, [buildApproval(high, 'usr-a'), buildApproval(high, 'usr-b')], CAB, SETTINGS);
    expect(partly).toMatchObject({ rule: 'all', required: 3, approvals: 2, met: false, waitingFor: ['usr-c'] });
  });

  it("never counts the requester's or a non-member's approval", () => {
    const change = buildChange();
    const state = approvalState(
      change,
      [buildApproval(change, 'usr-requester'), buildApproval(change, 'usr-outsider')],
      CAB,
      SETTINGS,
    );
    expect(state.approvals).toBe(0);
    expect(state.met).toBe(false);
    expect(approvalRefusals('usr-requester', change, CAB, SETTINGS).map((r) => r.code)).toEqual(['change_approver_is_requester']);
    expect(approvalRefusals('usr-outsider', change, CAB, SETTINGS).map((r) => r.code)).toEqual(['change_approver_not_on_board']);
    expect(approvalRefusals('usr-a', change, CAB, SETTINGS)).toEqual([]);
  });

  it('stops counting an approval once the plan, window or CIs change, and asks the approver again', () => {
    const change = buildChange({ riskAnswers: buildRiskAnswers({ experience: 'first_time', testing: 'untested' }) });
    const approvals = [buildApproval(change, 'usr-a'), buildApproval(change, 'usr-b')];
    expect(approvalState(change, approvals, CAB, SETTINGS).met).toBe(true);
    for (const edit of [
      { plannedStart: change.plannedStart! + 3_600_000 },
      { ciIds: ['ci-app', 'ci-db'] },
      { changePlan: { ...change.changePlan!, backout: 'Reinstall.' } },
      // Lowering the risk answers would lower the quorum the board decided under.
      { riskAnswers: buildRiskAnswers() },
    ]) {
      const replanned = { ...change, ...edit };
      expect(changeFingerprint(replanned)).not.toBe(changeFingerprint(change));
      const state = approvalState(replanned, approvals, CAB, SETTINGS);
      expect(state.met).toBe(false);
      expect(state.decisions.every((d) => !d.current)).toBe(true);
      expect(state.waitingFor).toEqual(['usr-a', 'usr-b', 'usr-c']);
    }
    // A title edit leaves the approvals standing; CI order does not matter.
    expect(
      approvalState({ ...change, title: 'Renamed', ciIds: [...change.ciIds!].reverse() }, approvals, CAB, SETTINGS).met,
    ).toBe(true);
  });

  it("counts each approver's latest decision, and says when rejections make the quorum unreachable", () => {
    const change = buildChange({ riskAnswers: HIGH });
    const later = (at: number) => ({ occurredAt: change.createdAt + at });
    const events = [buildApproval(change, 'usr-a', 'approved', later(1)), buildApproval(change, 'usr-a', 'rejected', later(2))];
    const state = approvalState(change, events, CAB, SETTINGS);
    expect(state).toMatchObject({ approvals: 0, rejections: 1, rejected: true });
  });

  it('uses the emergency CAB and its rule for emergency changes', () => {
    const change = buildChange({ changeType: 'emergency', riskAnswers: HIGH });
    const state = approvalState(change, [buildApproval(change, 'usr-e')], new Set(['usr-e', 'usr-f']), SETTINGS);
    expect(state).toMatchObject({ board: 'emergency_cab', boardGroupId: 'grp-ecab', rule: 'any', met: true });
  });

  it('schedules a normal change only with its quorum, a standard one without', () => {
    const previous = buildChange();
    const scheduled = { ...previous, changePhase: 'scheduled' as const };
    const none = approvalState(scheduled, [], CAB, SETTINGS);
    expect(approvalBeforeSchedule(scheduled, previous, none).map((v) => v.code)).toEqual(['change_approval_required']);
    const approved = approvalState(scheduled, [buildApproval(scheduled, 'usr-b')], CAB, SETTINGS);
    expect(approvalBeforeSchedule(scheduled, previous, approved)).toEqual([]);
    const standard = { ...scheduled, changeType: 'standard' as const };
    expect(approvalBeforeSchedule(standard, { ...previous, changeType: 'standard' }, none)).toEqual([]);
    // Replanned while scheduled: the stale approval no longer carries it.
    const moved = { ...scheduled, plannedEnd: scheduled.plannedEnd! + 60_000 };
    const stale = approvalState(moved, [buildApproval(scheduled, 'usr-b')], CAB, SETTINGS);
    expect(approvalBeforeSchedule(moved, scheduled, stale).map((v) => v.code)).toEqual(['change_approval_required']);
  });
});

describe('when the board is asked', () => {
  it('is open while awaiting approval, and for an emergency change implemented before its approval', () => {
    expect(decisionOpen(buildChange())).toBe(true);
    expect(decisionOpen(buildChange({ changePhase: 'scheduled' }))).toBe(false);
    expect(decisionOpen(buildChange({ changeType: 'emergency', changePhase: 'implementing' }))).toBe(true);
    expect(decisionOpen(buildChange({ changeType: 'normal', changePhase: 'implementing' }))).toBe(false);
    expect(decisionOpen(buildChange({ changeType: 'emergency', changePhase: 'closed', status: 'resolved' }))).toBe(false);
  });
});

describe('the CAB gate on offline jumps', () => {
  it('judges the quorum when a normal change jumps past approval, not for an emergency being implemented', () => {
    const previous = buildChange({ changePhase: 'assessment' });
    const none = approvalState(previous, [], CAB, SETTINGS);
    for (const phase of ['scheduled', 'implementing', 'review', 'closed'] as const) {
      expect(approvalBeforeSchedule({ ...previous, changePhase: phase }, previous, none).map((v) => v.code)).toEqual([
        'change_approval_required',
      ]);
    }
    const emergency = { ...previous, changeType: 'emergency' as const };
    expect(approvalBeforeSchedule({ ...emergency, changePhase: 'implementing' }, emergency, none)).toEqual([]);
    expect(approvalBeforeSchedule({ ...emergency, changePhase: 'scheduled' }, emergency, none)).toHaveLength(1);
    // Past the gate already: implementing a scheduled change asks nothing more.
    const scheduled = buildChange({ changePhase: 'scheduled' });
    expect(approvalBeforeSchedule({ ...scheduled, changePhase: 'implementing' }, scheduled, none)).toEqual([]);
  });
});
