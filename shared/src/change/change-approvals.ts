import type { ChangePhase, Ticket } from '../schemas/ticket.js';
import type { RuleViolation } from '../domain/ticket-rules.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import type { ChangeSettings, QuorumRule } from './change-settings.js';
import { changePhaseOf, changeTypeOf } from './change-lifecycle.js';
import { riskAssessment } from './change-risk.js';

export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

type Fingerprinted = Pick<Ticket, 'changeType' | 'changePlan' | 'plannedStart' | 'plannedEnd' | 'ciIds' | 'riskAnswers'>;

/** 32-bit FNV-1a over a string, from a seed (two seeds give 64 bits: ample to tell one plan from the next). */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * What an approval is given on: the change's type, plan, planned window, affected CIs and risk answers, as a short hash. An
 * approval records it (`fromValue`), so once any of these changes the approval stops counting and the approver is
 * asked again. Text edits elsewhere (title, comments) leave approvals standing.
 */
export function changeFingerprint(change: Fingerprinted): string {
  const plan = change.changePlan ?? { reason: '', implementation: '', test: '', backout: '' };
  const text = JSON.stringify([
    changeTypeOf(change),
    plan.reason,
    plan.implementation,
    plan.test,
    plan.backout,
    change.plannedStart ?? 0,
    change.plannedEnd ?? 0,
    [...(change.ciIds ?? [])].sort(),
    // The risk answers set the quorum: lowering them after the board decided must not lower what it takes.
    [...(change.riskAnswers ?? [])].map((a) => `${a.questionId}=${a.answer}`).sort(),
  ]);
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x050c5d1f));
}

/** One approver's decision as it stands (their latest), and whether it was given on the change as it is now. */
export interface ApproverDecision {
  approverId: string;
  decision: ApprovalDecision;
  comment: string;
  at: number;
  eventId: string;
  /** False when the plan, schedule or CIs changed after it was given: it no longer counts. */
  current: boolean;
}

/** Where a change's approval stands. */
export interface ApprovalState {
  board: 'cab' | 'emergency_cab';
  boardGroupId: string;
  rule: QuorumRule;
  /** Who may decide: the board's members but the requester. */
  electorate: string[];
  /** Approvals needed (0 when the electorate is empty: nobody can approve, so the quorum can never be met). */
  required: number;
  decisions: ApproverDecision[];
  approvals: number;
  rejections: number;
  met: boolean;
  /** Enough current rejections that the quorum can no longer be met. */
  rejected: boolean;
  /** Members of the electorate with no current decision (asked again when theirs went stale). */
  waitingFor: string[];
}

/** The approvals a quorum rule needs from an electorate of `size` (majority: more than half). */
export function requiredApprovals(rule: QuorumRule, size: number): number {
  if (size === 0) return 0;
  if (rule === 'any') return 1;
  if (rule === 'majority') return Math.floor(size / 2) + 1;
  return size;
}

/** The board that approves a change: the emergency CAB for emergency changes, else the CAB. */
export function approvalBoard(change: Pick<Ticket, 'changeType'>): ApprovalState['board'] {
  return changeTypeOf(change) === 'emergency' ? 'emergency_cab' : 'cab';
}

/** The group whose members approve the change. */
export function approvalBoardGroupId(change: Pick<Ticket, 'changeType'>, settings: ChangeSettings): string {
  return approvalBoard(change) === 'emergency_cab' ? settings.emergencyCabGroupId : settings.cabGroupId;
}

/** The quorum rule for a change: the emergency rule for emergency changes, else the rule of its risk level. */
export function quorumRuleFor(change: Pick<Ticket, 'changeType' | 'riskAnswers'>, settings: ChangeSettings): QuorumRule {
  if (changeTypeOf(change) === 'emergency') return settings.emergencyQuorum;
  return settings.quorum[riskAssessment(change.riskAnswers ?? []).level];
}

/**
 * Where the approval of a change stands, from its approval events (in any order: each approver's latest decision by
 * the time they gave it, ties by id) and the board's members. Only members who are not the requester count, and
 * only decisions given on the change as it is now (changeFingerprint).
 */
export function approvalState(
  change: Ticket,
  events: readonly TicketEvent[],
  boardMemberIds: ReadonlySet<string>,
  settings: ChangeSettings,
): ApprovalState {
  const boardGroupId = approvalBoardGroupId(change, settings);
  const rule = quorumRuleFor(change, settings);
  const electorate = [...boardMemberIds].filter((id) => id !== change.callerId).sort();
  const eligible = new Set(electorate);
  const fingerprint = changeFingerprint(change);
  const latest = new Map<string, TicketEvent>();
  for (const event of events) {
    if (event.kind !== 'approval' || event.ticketId !== change.id || !eligible.has(event.authorId)) continue;
    if (!(APPROVAL_DECISIONS as readonly string[]).includes(event.toValue)) continue;
    const before = latest.get(event.authorId);
    if (!before || event.occurredAt > before.occurredAt || (event.occurredAt === before.occurredAt && event.id > before.id)) {
      latest.set(event.authorId, event);
    }
  }
  const decisions: ApproverDecision[] = [...latest.values()].map((event) => ({
    approverId: event.authorId,
    decision: event.toValue as ApprovalDecision,
    comment: event.body,
    at: event.occurredAt,
    eventId: event.id,
    current: event.fromValue === fingerprint,
  }));
  const current = decisions.filter((d) => d.current);
  const approvals = current.filter((d) => d.decision === 'approved').length;
  const rejections = current.filter((d) => d.decision === 'rejected').length;
  const required = requiredApprovals(rule, electorate.length);
  const decided = new Set(current.map((d) => d.approverId));
  return {
    board: approvalBoard(change),
    boardGroupId,
    rule,
    electorate,
    required,
    decisions,
    approvals,
    rejections,
    met: required > 0 && approvals >= required,
    rejected: required > 0 && electorate.length - rejections < required,
    waitingFor: electorate.filter((id) => !decided.has(id)),
  };
}

/** Stable codes of a refused approval. */
export type ApprovalRefusalCode = 'change_approver_not_on_board' | 'change_approver_is_requester' | 'change_approval_not_change';

/** Why `approverId` may not decide on this ticket (empty: they may): only board members, never the requester. */
export function approvalRefusals(
  approverId: string,
  ticket: Pick<Ticket, 'type' | 'callerId' | 'changeType' | 'number'>,
  boardMemberIds: ReadonlySet<string>,
  settings: ChangeSettings,
): { code: ApprovalRefusalCode; message: string }[] {
  if (ticket.type !== 'change') {
    return [{ code: 'change_approval_not_change', message: `${ticket.number} is a ${ticket.type}: only changes are approved.` }];
  }
  const out: { code: ApprovalRefusalCode; message: string }[] = [];
  if (!boardMemberIds.has(approverId)) {
    const board = approvalBoard(ticket) === 'emergency_cab' ? 'emergency CAB' : 'CAB';
    const group = approvalBoardGroupId(ticket, settings);
    out.push({
      code: 'change_approver_not_on_board',
      message: `Only members of the ${board} (group "${group}") approve or reject ${ticket.number}.`,
    });
  }
  if (approverId === ticket.callerId) {
    out.push({
      code: 'change_approver_is_requester',
      message: `You requested ${ticket.number}: a requester never approves their own change.`,
    });
  }
  return out;
}

/** The phases past the CAB: a normal change gets there only approved. */
export const APPROVED_PHASES: readonly ChangePhase[] = ['scheduled', 'implementing', 'review', 'closed'];

/** True when a write takes a change past its approval, or replans it while scheduled: its quorum is judged then. */
export function crossesApproval(next: Ticket, previous: Ticket | undefined): boolean {
  if (next.type !== 'change' || next.changePhase === undefined || changeTypeOf(next) === 'standard') return false;
  const before = previous?.type === 'change' ? changePhaseOf(previous) : 'draft';
  if (next.changePhase === 'scheduled' && before === 'scheduled') return changeFingerprint(previous!) !== changeFingerprint(next);
  if (!APPROVED_PHASES.includes(next.changePhase) || APPROVED_PHASES.includes(before)) return false;
  // An emergency change may be implemented before its approval (and is reviewed after): only scheduling needs it.
  return !(changeTypeOf(next) === 'emergency' && next.changePhase !== 'scheduled');
}

/**
 * A normal change goes past "awaiting approval" (to scheduled, or further in one offline jump) only with its quorum met
 * on the change as it is, and is approved again when replanned while scheduled; an emergency change needs it to be
 * scheduled. `state` is computed from the decisions the caller holds: the server's stored events, the device's own.
 */
export function approvalBeforeSchedule(
  next: Ticket,
  previous: Ticket | undefined,
  state: ApprovalState | undefined,
): RuleViolation[] {
  if (!crossesApproval(next, previous) || state?.met) return [];
  const have = state ? `${state.approvals} of the ${state.required} approvals needed` : 'no approvals';
  return [
    {
      code: 'change_approval_required',
      field: 'changePhase',
      message: `${next.number} is scheduled only once its board approves the change as it is now; it has ${have}.`,
      params: { approvals: state?.approvals ?? 0, required: state?.required ?? 0 },
    },
  ];
}

/**
 * True when a change write asks its board to decide: it entered "awaiting approval", or was replanned while there
 * (the decisions given on the old plan no longer count, so every member is asked again). The desk's mail and the
 * approvers' desktop notices both follow it.
 */
export function asksForApproval(next: Ticket, previous: Ticket | null | undefined): 'new' | 'again' | null {
  if (next.type !== 'change' || changePhaseOf(next) !== 'awaiting_approval') return null;
  if (!previous || previous.type !== 'change' || changePhaseOf(previous) !== 'awaiting_approval') return 'new';
  return changeFingerprint(previous) !== changeFingerprint(next) ? 'again' : null;
}

/**
 * True while the board is asked to decide on a change: awaiting approval, or an emergency change implemented before
 * its approval (the emergency CAB decides after the fact, until the change closes).
 */
export function decisionOpen(change: Pick<Ticket, 'type' | 'changeType' | 'changePhase' | 'status'>): boolean {
  if (change.type !== 'change') return false;
  const phase = changePhaseOf(change);
  return (
    phase === 'awaiting_approval' || (changeTypeOf(change) === 'emergency' && (phase === 'implementing' || phase === 'review'))
  );
}
