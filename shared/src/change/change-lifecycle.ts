import type { ChangePhase, ChangeType, Ticket, TicketStatus } from '../schemas/ticket.js';
import { CHANGE_LINKS_MAX, CHANGE_PHASES } from '../schemas/ticket.js';
import { OPEN_STATUSES } from '../domain/ticket-lifecycle.js';
import type { RuleViolation } from '../domain/ticket-rules.js';
import { riskAssessment } from './change-risk.js';

/**
 * The change lifecycle: draft -> assessment -> awaiting approval -> scheduled -> implementing -> review -> closed,
 * with cancelled and rejected. A change is a ticket of type 'change': `changePhase` says where the change stands and
 * its ticket `status` keeps meaning who holds it and whether it is open, so queues, SLAs and reports read changes as
 * any ticket (CHANGE_PHASE_STATUSES ties the two, as the problem lifecycle does).
 */
export const CHANGE_PHASE_TRANSITIONS: Readonly<Record<ChangePhase, readonly ChangePhase[]>> = {
  draft: ['assessment', 'cancelled'],
  // Standard changes are pre-approved: they go from assessment straight to scheduling (changeMoveViolations).
  assessment: ['awaiting_approval', 'scheduled', 'draft', 'cancelled'],
  // Back to assessment to rework the plan; implementing only for an emergency change (implemented first, approved after).
  awaiting_approval: ['scheduled', 'rejected', 'assessment', 'implementing', 'cancelled'],
  // Replanned: back to the CAB (approvals are given on the plan, schedule and CIs), or to assessment to rework it.
  scheduled: ['implementing', 'awaiting_approval', 'assessment', 'cancelled'],
  implementing: ['review'],
  review: ['closed'],
  closed: [],
  cancelled: [],
  rejected: [],
};

/** The phases in which a change is over. */
export const FINAL_CHANGE_PHASES: readonly ChangePhase[] = ['closed', 'cancelled', 'rejected'];

/** The statuses a change may have in each phase: open ones while it is worked, resolved or closed once it is over. */
export const CHANGE_PHASE_STATUSES: Readonly<Record<ChangePhase, readonly TicketStatus[]>> = {
  draft: ['new', 'assigned'],
  assessment: OPEN_STATUSES,
  awaiting_approval: OPEN_STATUSES,
  scheduled: OPEN_STATUSES,
  implementing: OPEN_STATUSES,
  review: OPEN_STATUSES,
  closed: ['resolved', 'closed'],
  cancelled: ['resolved', 'closed'],
  rejected: ['resolved', 'closed'],
};

/** The phase of a change; changes stored before phases (schema v5) are read from their status. */
export function changePhaseOf(ticket: Pick<Ticket, 'changePhase' | 'status'>): ChangePhase {
  if (ticket.changePhase) return ticket.changePhase;
  if (ticket.status === 'new' || ticket.status === 'assigned') return 'draft';
  if (ticket.status === 'resolved' || ticket.status === 'closed') return 'closed';
  return 'assessment';
}

/** The type of a change (normal when none was given: assessed and approved by the CAB). */
export function changeTypeOf(ticket: Pick<Ticket, 'changeType'>): ChangeType {
  return ticket.changeType ?? 'normal';
}

/** True when the phase is one that `type` may take `from` there in one step (staying put is always allowed). */
export function canMoveChange(type: ChangeType, from: ChangePhase, to: ChangePhase): boolean {
  if (from === to) return true;
  if (!CHANGE_PHASE_TRANSITIONS[from].includes(to)) return false;
  // Only a standard change skips the CAB; only an emergency change is implemented before it is approved.
  if (from === 'assessment' && to === 'scheduled') return type === 'standard';
  if (to === 'awaiting_approval') return type !== 'standard';
  if (from === 'awaiting_approval' && to === 'implementing') return type === 'emergency';
  return true;
}

/** The phases a change of `type` may move to next, in lifecycle order (what the change page offers). */
export function nextChangePhases(type: ChangeType, from: ChangePhase): ChangePhase[] {
  return CHANGE_PHASES.filter((to) => to !== from && canMoveChange(type, from, to));
}

/**
 * True when `to` lies along the lifecycle from `from` in one or more steps: a device that worked offline pushes only
 * its latest state (as for ticket status and problem phases). Leaving a final phase stays impossible.
 */
export function reachableChangePhase(type: ChangeType, from: ChangePhase, to: ChangePhase): boolean {
  const seen = new Set<ChangePhase>([from]);
  const queue: ChangePhase[] = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === to) return true;
    for (const next of nextChangePhases(type, current)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/** The status a change takes when it moves to `phase`: its own when that fits, else the phase's usual one. */
export function statusForChangePhase(phase: ChangePhase, status: TicketStatus, assigneeId: string): TicketStatus {
  const allowed = CHANGE_PHASE_STATUSES[phase];
  if (allowed.includes(status)) return status;
  if (phase === 'draft') return assigneeId === '' ? 'new' : 'assigned';
  if (allowed === OPEN_STATUSES) return assigneeId === '' ? 'new' : 'in_progress';
  return 'resolved';
}

/** True when a write moves a change to another phase (or creates one past draft): the `change.move` policy's business. */
export function movesChange(
  next: Pick<Ticket, 'type' | 'changePhase' | 'status'>,
  previous?: Pick<Ticket, 'type' | 'changePhase' | 'status'>,
): boolean {
  if (next.type !== 'change') return false;
  const phase = changePhaseOf(next);
  if (!previous || previous.type !== 'change') return phase !== 'draft';
  return changePhaseOf(previous) !== phase;
}

const CHANGE_FIELDS = [
  'changeType',
  'changePhase',
  'changePlan',
  'riskAnswers',
  'implementedAt',
  'changeOutcome',
  'reviewNotes',
  'fixesTicketIds',
] as const;
const RELEASE_FIELDS = ['releaseChangeIds', 'releaseDeployments', 'releaseNotes', 'actualStart', 'actualEnd'] as const;
const PLAN_PARTS = ['reason', 'implementation', 'test', 'backout'] as const;

/** The phases in which a change's type may still change. */
export const TYPE_EDITABLE_PHASES: readonly ChangePhase[] = ['draft', 'assessment'];

/** Longest planned window of one change (a year): longer work is split, and calendars stay bounded. */
export const CHANGE_WINDOW_MAX_MS = 366 * 86_400_000;

/** Phases at and past which a change has a complete plan and a planned window (approval is given on them). */
const PLANNED_PHASES: readonly ChangePhase[] = ['awaiting_approval', 'scheduled', 'implementing', 'review'];

/** How far ahead a change may be planned: collision checks expand recurring windows up to its window. */
export const CHANGE_PLAN_AHEAD_MAX_MS = 5 * 366 * 86_400_000;

/** A change planned more than CHANGE_PLAN_AHEAD_MAX_MS after `now` (judged when its start moves: a typo'd year). */
export function plannedTooFarViolations(next: Ticket, previous: Ticket | undefined, now: number): RuleViolation[] {
  if (next.plannedStart === undefined || next.plannedStart === previous?.plannedStart) return [];
  if (next.plannedStart - now <= CHANGE_PLAN_AHEAD_MAX_MS) return [];
  const message = 'A change is planned at most five years ahead: check the planned start (its year?).';
  return [{ code: 'change_window_far', field: 'plannedStart', message }];
}

/** Why `target` cannot be added to the tickets `change` fixes (empty: it can): incidents and problems, once each. */
export function fixLinkRefusals(
  change: Pick<Ticket, 'id' | 'type' | 'fixesTicketIds'>,
  target: Pick<Ticket, 'id' | 'type' | 'number'>,
): RuleViolation[] {
  const refuse = (message: string): RuleViolation[] => [{ code: 'change_fix_link', field: 'fixesTicketIds', message }];
  if (change.type !== 'change') return refuse('Only a change fixes incidents and problems.');
  if (target.type !== 'incident' && target.type !== 'problem') {
    return refuse(`${target.number} is a ${target.type}: a change fixes incidents and problems.`);
  }
  if ((change.fixesTicketIds ?? []).includes(target.id)) return refuse(`${target.number} is already listed.`);
  if ((change.fixesTicketIds ?? []).length >= CHANGE_LINKS_MAX) {
    return refuse(`A change lists at most ${CHANGE_LINKS_MAX} tickets it fixes.`);
  }
  return [];
}

/** True when the change needs its post-implementation review before closing: failed, backed out, or emergency. */
export function reviewRequired(ticket: Pick<Ticket, 'changeType' | 'changeOutcome'>): boolean {
  return ticket.changeType === 'emergency' || ticket.changeOutcome === 'failed' || ticket.changeOutcome === 'backed_out';
}

/**
 * The change and release rules on one ticket write (`previous`: the stored state): their fields only on their
 * types, phases along the lifecycle and matching the status, a complete plan, a risk assessment and a planned
 * window (end after start) before approval is asked, an outcome once implemented, and the post-implementation review
 * before a failed, backed-out or emergency change closes. Approval quorum needs the decisions (change-approvals.ts)
 * and is checked where they are known; who may move a change is a policy (`change.move`).
 */
export function checkChangeRules(next: Ticket, previous?: Ticket): RuleViolation[] {
  const out: RuleViolation[] = [];
  const wrongType = (field: string, owner: string): void => {
    const message = `"${field}" belongs to ${owner}; this ticket is a ${next.type}.`;
    out.push({ code: 'change_field_type', field, message, params: { type: next.type } });
  };
  if (next.type !== 'change') for (const field of CHANGE_FIELDS) if (next[field] !== undefined) wrongType(field, 'changes');
  if (next.type !== 'release') for (const field of RELEASE_FIELDS) if (next[field] !== undefined) wrongType(field, 'releases');
  if (next.causedByChangeId && next.type !== 'incident') wrongType('causedByChangeId', 'incidents');
  if (next.type === 'task' && !next.parentId) {
    out.push({ code: 'task_parent_required', field: 'parentId', message: 'A task belongs to a change: name it in parentId.' });
  }
  if ((next.plannedStart ?? 0) > 0 && (next.plannedEnd ?? 0) <= (next.plannedStart ?? 0)) {
    out.push({ code: 'change_window_order', field: 'plannedEnd', message: 'The planned end must come after the planned start.' });
  }
  if (next.type !== 'change' || next.changePhase === undefined) {
    if (next.type === 'change' && previous?.changePhase !== undefined) {
      const message = `A change keeps its phase ("${previous.changePhase}" was stored); send it with the change.`;
      out.push({
        code: 'change_phase_transition',
        field: 'changePhase',
        message,
        params: { from: previous.changePhase, to: '' },
      });
    }
    return out;
  }
  const phase = next.changePhase;
  const type = changeTypeOf(next);
  if (previous?.type === 'change' && changeTypeOf(previous) !== type && !TYPE_EDITABLE_PHASES.includes(changePhaseOf(previous))) {
    // Relabelling a normal change "emergency" (implemented before approval) or "standard" (no CAB) once it is before
    // the board would be a way round it: the type is settled during assessment.
    const message = `A change's type is settled during assessment: ${next.number} stays ${changeTypeOf(previous)}; withdraw it and raise a new one.`;
    out.push({ code: 'change_type_locked', field: 'changeType', message, params: { type: changeTypeOf(previous) } });
  }
  if (previous?.type === 'change' && previous.callerId !== next.callerId && changePhaseOf(previous) !== 'draft') {
    // The requester never approves their own change: naming someone else as requester later would get round that.
    const message = `${next.number} was requested by someone already; the requester of a submitted change does not change.`;
    out.push({ code: 'change_requester_locked', field: 'callerId', message });
  }
  if ((next.plannedEnd ?? 0) - (next.plannedStart ?? 0) > CHANGE_WINDOW_MAX_MS) {
    const message = 'A change is planned over at most a year: split a longer piece of work into several changes.';
    out.push({ code: 'change_window_too_long', field: 'plannedEnd', message });
  }
  if (previous?.type === 'change') {
    const from = changePhaseOf(previous);
    if (!reachableChangePhase(type, from, phase)) {
      const allowed = nextChangePhases(type, from);
      const then = allowed.length > 0 ? `from there it goes to ${allowed.map((p) => `"${p}"`).join(', ')}` : 'it is over';
      out.push({
        code: 'change_phase_transition',
        field: 'changePhase',
        message: `A ${type} change cannot move from "${from}" to "${phase}"; ${then}.`,
        params: { from, to: phase },
      });
    }
  }
  if (!CHANGE_PHASE_STATUSES[phase].includes(next.status)) {
    const allowed = CHANGE_PHASE_STATUSES[phase].join(', ');
    const message = `A change in phase "${phase}" has one of the statuses ${allowed}, not "${next.status}".`;
    out.push({ code: 'change_phase_status', field: 'status', message, params: { phase, status: next.status } });
  }
  if (PLANNED_PHASES.includes(phase)) {
    const missing = PLAN_PARTS.filter((part) => (next.changePlan?.[part] ?? '').trim() === '');
    if (missing.length > 0) {
      const message = `Before approval a change needs its ${missing.join(', ')} plan${missing.length > 1 ? 's' : ''}.`;
      out.push({ code: 'change_plan_incomplete', field: 'changePlan', message, params: { missing: missing.join(', ') } });
    }
    if (!next.plannedStart || !next.plannedEnd) {
      out.push({ code: 'change_window_required', field: 'plannedStart', message: 'Give the change its planned start and end.' });
    }
    if (type !== 'standard' && !riskAssessment(next.riskAnswers ?? []).complete) {
      const message = 'Answer every question of the risk assessment before asking for approval.';
      out.push({ code: 'change_risk_incomplete', field: 'riskAnswers', message });
    }
  }
  if ((phase === 'review' || phase === 'closed') && (next.changeOutcome ?? '') === '') {
    const message = 'Say how the implementation went (successful, failed or backed out).';
    out.push({ code: 'change_outcome_required', field: 'changeOutcome', message });
  }
  if (phase === 'closed' && reviewRequired(next) && (next.reviewNotes ?? '').trim() === '') {
    const message = 'A failed, backed-out or emergency change closes after its post-implementation review: write it first.';
    out.push({ code: 'change_review_required', field: 'reviewNotes', message });
  }
  return out;
}
