import type { BilingualText } from '../schemas/bilingual.js';
import { LANGUAGES } from '../schemas/bilingual.js';
import type { ProblemPhase, ResolutionCode, Ticket, TicketStatus } from '../schemas/ticket.js';
import { PROBLEM_PHASES } from '../schemas/ticket.js';
import { OPEN_STATUSES } from './ticket-lifecycle.js';
import type { RuleViolation } from './ticket-rules.js';

/**
 * The problem lifecycle: new -> assessment -> root-cause analysis -> known error -> resolved -> closed. A problem is
 * a ticket of type 'problem': its `problemPhase` says where the analysis stands, and its ticket `status` keeps
 * meaning what it means for every ticket (who holds it, whether it counts as open, resolved or closed), so queues,
 * SLAs, reports and the assignee rules work on problems unchanged. PHASE_STATUSES ties the two together.
 */
export const PROBLEM_PHASE_TRANSITIONS: Readonly<Record<ProblemPhase, readonly ProblemPhase[]>> = {
  new: ['assessment'],
  // Resolved straight from assessment: not a problem after all (duplicate, cancelled, no fault found).
  assessment: ['root_cause_analysis', 'resolved'],
  // Back to assessment when the analysis shows the scope was wrong; resolved when the fix came before a workaround.
  root_cause_analysis: ['known_error', 'resolved', 'assessment'],
  // Back to analysis when the recorded cause or workaround turns out wrong.
  known_error: ['resolved', 'root_cause_analysis'],
  // Reopened when incidents keep coming after the fix.
  resolved: ['closed', 'root_cause_analysis'],
  closed: [],
};

/**
 * The ticket statuses a problem may have in each phase. A new problem waits in its group's queue or is held
 * (statusForAssignee makes it Assigned); open phases take any open status, since assigning, unassigning and
 * pending (waiting on a vendor) happen during the analysis; resolved and closed are the ticket's own.
 */
export const PHASE_STATUSES: Readonly<Record<ProblemPhase, readonly TicketStatus[]>> = {
  new: ['new', 'assigned'],
  assessment: OPEN_STATUSES,
  root_cause_analysis: OPEN_STATUSES,
  known_error: OPEN_STATUSES,
  resolved: ['resolved'],
  closed: ['closed'],
};

/**
 * `fromValue` of the comment that records a known error's workaround applied from an incident (`toValue`: the
 * problem's id): the record the problem report counts workaround use from.
 */
export const WORKAROUND_APPLIED = 'workaround';

/** Resolution codes that end a problem without a root cause: it was not one (or not a new one). */
export const RESOLVED_WITHOUT_CAUSE: readonly ResolutionCode[] = ['duplicate', 'cancelled', 'no_fault_found'];

/**
 * Whether the desk writes to a ticket's caller about it (the notices on creation, progress and resolution, the
 * satisfaction survey on resolution). Not for a problem: it is the desk's own investigation, its "caller" whoever
 * recorded it (the problem manager who made it from a candidate), and the people it affects are the callers of its
 * linked incidents, told when their incidents are resolved with it (issue 19).
 */
export function mailsCaller(ticket: Pick<Ticket, 'type'>): boolean {
  return ticket.type !== 'problem';
}

/**
 * The phase of a problem. Problems stored before phases existed (ticket schema v4) have none: their status says
 * as much as is known (open past new: being assessed).
 */
export function problemPhaseOf(ticket: Pick<Ticket, 'problemPhase' | 'status'>): ProblemPhase {
  if (ticket.problemPhase) return ticket.problemPhase;
  if (ticket.status === 'new' || ticket.status === 'assigned') return 'new';
  if (ticket.status === 'resolved' || ticket.status === 'closed') return ticket.status;
  return 'assessment';
}

/** The phases a problem may move to next, in lifecycle order (what the problem page offers). */
export function nextPhases(from: ProblemPhase): readonly ProblemPhase[] {
  return PROBLEM_PHASES.filter((phase) => PROBLEM_PHASE_TRANSITIONS[from].includes(phase));
}

/** True when a problem may move from `from` to `to` in one step (staying put is always allowed). */
export function canMovePhase(from: ProblemPhase, to: ProblemPhase): boolean {
  return from === to || PROBLEM_PHASE_TRANSITIONS[from].includes(to);
}

/**
 * True when `to` lies along the lifecycle from `from` in one or more steps. As for ticket status (reachableStatus),
 * a device that worked offline pushes only its latest state, so legal steps arrive as one jump; what each phase
 * needs (a known error's texts, a root cause) is judged on the state itself. Leaving "closed" stays impossible.
 */
export function reachablePhase(from: ProblemPhase, to: ProblemPhase): boolean {
  const seen = new Set<ProblemPhase>([from]);
  const queue: ProblemPhase[] = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === to) return true;
    for (const next of PROBLEM_PHASE_TRANSITIONS[current]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/**
 * The status a problem takes when it moves to `phase`: its current status when that fits the phase (an assigned
 * problem stays assigned through its analysis); else held or waiting as the assignee says (statusForAssignee's
 * rule) for new and open phases, and the phase's own status for resolved and closed.
 */
export function statusForPhase(phase: ProblemPhase, status: TicketStatus, assigneeId: string): TicketStatus {
  const allowed = PHASE_STATUSES[phase];
  if (allowed.includes(status)) return status;
  if (phase === 'new') return assigneeId === '' ? 'new' : 'assigned';
  if (allowed === OPEN_STATUSES) return assigneeId === '' ? 'new' : 'in_progress';
  return allowed[0];
}

const KNOWN_ERROR_PARTS = ['symptoms', 'cause', 'workaround'] as const;

const blank = (text: BilingualText | undefined, lang: (typeof LANGUAGES)[number]): boolean => (text?.[lang] ?? '').trim() === '';

/**
 * The problem rules on one ticket write (`previous`: the stored state, absent for a create): the problem fields
 * only on problems and the incident link only on incidents, phases along the lifecycle and matching the status, a
 * known error that says its symptoms, cause and workaround in both languages (agents read it in theirs), and a
 * root cause before a problem is resolved as fixed. Who may move a problem is a policy (`problem.move`), not a rule.
 */
export function checkProblemRules(next: Ticket, previous?: Ticket): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (next.problemId !== undefined && next.problemId !== '') {
    if (next.type !== 'incident') {
      out.push({ code: 'problem_link', field: 'problemId', message: 'Only incidents are linked to a problem.' });
    } else if (next.problemId === next.id) {
      out.push({ code: 'problem_link', field: 'problemId', message: 'A ticket cannot be its own problem.' });
    }
  }
  if (next.type !== 'problem') {
    // A problem retyped (an agent's mistake undone) must shed its analysis first, so no incident carries one.
    for (const field of ['problemPhase', 'rootCause', 'knownError'] as const) {
      if (next[field] !== undefined) {
        const message = `"${field}" belongs to problems; this ticket is a ${next.type}.`;
        out.push({ code: 'problem_field_type', field, message, params: { type: next.type } });
      }
    }
    return out;
  }
  if (next.problemPhase === undefined) {
    // Problems stored before phases (schema v4) follow the plain ticket lifecycle until they are given one; a phase
    // once given is never dropped, which would take the problem out of this lifecycle.
    if (previous?.problemPhase === undefined) return out;
    const message = `A problem keeps its phase ("${previous.problemPhase}" was stored); send it with the problem.`;
    return [
      ...out,
      { code: 'problem_phase_transition', field: 'problemPhase', message, params: { from: previous.problemPhase, to: '' } },
    ];
  }
  const phase = next.problemPhase;
  if (previous?.type === 'problem') {
    const from = problemPhaseOf(previous);
    if (!reachablePhase(from, phase)) {
      out.push({
        code: 'problem_phase_transition',
        field: 'problemPhase',
        message: `A problem cannot move from "${from}" to "${phase}"; ${nextPhasesText(from)}.`,
        params: { from, to: phase },
      });
    }
  }
  if (!PHASE_STATUSES[phase].includes(next.status)) {
    const statuses = PHASE_STATUSES[phase].map((s) => `"${s}"`).join(', ');
    // Named by phase, not by status: the server lets reachable status jumps through by that field.
    out.push({
      code: 'problem_phase_status',
      field: 'problemPhase',
      message: `A problem in phase "${phase}" has the status ${statuses}, not "${next.status}": change the phase and the status together.`,
      params: { phase, status: next.status },
    });
  }
  if (phase === 'known_error') {
    for (const part of KNOWN_ERROR_PARTS) {
      const missing = LANGUAGES.filter((lang) => blank(next.knownError?.[part], lang));
      if (missing.length > 0) {
        out.push({
          code: 'known_error_incomplete',
          field: `knownError.${part}`,
          message: `A known error gives its ${part} in English and in French (missing: ${missing.join(', ')}).`,
          params: { part },
        });
      }
    }
  }
  if ((phase === 'resolved' || phase === 'closed') && !RESOLVED_WITHOUT_CAUSE.includes(next.resolutionCode)) {
    if ((next.rootCause?.statement ?? '').trim() === '') {
      out.push({
        code: 'root_cause_required',
        field: 'rootCause.statement',
        message: `State the root cause before resolving the problem, or resolve it as ${RESOLVED_WITHOUT_CAUSE.map((c) => `"${c}"`).join(', ')}.`,
      });
    }
  }
  return out;
}

function nextPhasesText(from: ProblemPhase): string {
  const next = PROBLEM_PHASE_TRANSITIONS[from];
  return next.length === 0 ? 'a closed problem stays closed' : `from there it moves to ${next.map((p) => `"${p}"`).join(' or ')}`;
}

/** True when a write moves a problem to another phase (or creates one past "new"): what `problem.move` governs. */
export function movesProblem(
  next: Pick<Ticket, 'type' | 'problemPhase' | 'status'>,
  previous?: Pick<Ticket, 'type' | 'problemPhase' | 'status'>,
): boolean {
  if (next.type !== 'problem') return false;
  const phase = problemPhaseOf(next);
  if (!previous || previous.type !== 'problem') return phase !== 'new';
  return problemPhaseOf(previous) !== phase;
}
