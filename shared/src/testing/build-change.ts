import { changeFingerprint } from '../change/change-approvals.js';
import { RISK_QUESTIONS } from '../change/change-risk.js';
import type { ChangeWindow } from '../change/change-windows.js';
import type { RiskAnswer, Ticket } from '../schemas/ticket.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import { BUILD_NOW, buildEvent, buildTicket, uniqueId } from './build-records.js';

const HOUR = 3_600_000;

/** Risk answers with the lowest points for every question (a low-risk change), each overridable by question id. */
export function buildRiskAnswers(overrides: Record<string, string> = {}): RiskAnswer[] {
  return RISK_QUESTIONS.map((q) => ({ questionId: q.id, answer: overrides[q.id] ?? q.answers[0].id }));
}

/**
 * A normal change awaiting approval, ready for its CAB: complete plan, low-risk answers, a two-hour window a day
 * after BUILD_NOW, on CI `ci-app` by default; override fields to shape it.
 */
export function buildChange(overrides: Partial<Ticket> = {}): Ticket {
  const number = `CHG${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
  return buildTicket({
    type: 'change',
    number,
    title: 'Patch the payroll application',
    status: 'in_progress',
    assigneeId: 'usr-tech',
    groupId: 'grp-apps',
    callerId: 'usr-requester',
    changeType: 'normal',
    changePhase: 'awaiting_approval',
    changePlan: {
      reason: 'Security fix from the vendor.',
      implementation: 'Stop the service, apply the patch, start it.',
      test: 'Log in and run a pay slip.',
      backout: 'Restore the snapshot taken before.',
    },
    riskAnswers: buildRiskAnswers(),
    plannedStart: BUILD_NOW + 24 * HOUR,
    plannedEnd: BUILD_NOW + 26 * HOUR,
    ciIds: ['ci-app'],
    ...overrides,
  });
}

/** A CAB member's decision on a change as it is now (its fingerprint), by `approverId`. */
export function buildApproval(
  change: Ticket,
  approverId: string,
  decision: 'approved' | 'rejected' = 'approved',
  overrides: Partial<TicketEvent> = {},
): TicketEvent {
  return buildEvent(change.id, approverId, {
    kind: 'approval',
    toValue: decision,
    fromValue: changeFingerprint(change),
    body: decision === 'approved' ? 'Looks safe.' : 'Not this week.',
    ...overrides,
  });
}

/** A weekly Saturday 02:00–06:00 Toronto maintenance window for `ci-svc` (override to make a blackout, a one-off…). */
export function buildChangeWindow(overrides: Partial<ChangeWindow> = {}): ChangeWindow {
  return {
    id: uniqueId('win'),
    name: 'Saturday maintenance',
    nameFr: 'Maintenance du samedi',
    kind: 'maintenance',
    timeZone: 'America/Toronto',
    startDate: '2026-01-03',
    startMinutes: 120,
    durationMinutes: 240,
    rrule: 'FREQ=WEEKLY;BYDAY=SA',
    until: '',
    ciIds: ['ci-svc'],
    ...overrides,
  };
}
