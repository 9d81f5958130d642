import { describe, expect, it } from 'vitest';
import { ticketDefinition, type KnownError, type ProblemPhase, type Ticket } from '../schemas/ticket.js';
import { buildTicket } from '../testing/build-records.js';
import {
  PROBLEM_PHASE_TRANSITIONS,
  canMovePhase,
  checkProblemRules,
  mailsCaller,
  movesProblem,
  nextPhases,
  problemPhaseOf,
  reachablePhase,
  statusForPhase,
} from './problem-lifecycle.js';
import { checkTicketRules } from './ticket-rules.js';

const knownError: KnownError = {
  symptoms: { en: 'VPN drops every hour', fr: 'Le RPV se coupe toutes les heures' },
  cause: { en: 'Certificate renewal loop', fr: 'Boucle de renouvellement du certificat' },
  workaround: { en: 'Reconnect with the backup profile', fr: 'Se reconnecter avec le profil de secours' },
};

const rootCause = {
  timeline: [{ at: 1, text: 'Certificate rotated' }],
  whys: ['The VPN drops', 'The certificate is renewed hourly'],
  contributingFactors: ['No monitoring of renewals'],
  statement: 'The renewal job runs hourly instead of yearly.',
  fixChangeId: '',
};

/** A problem in `phase` with the status and content that phase asks for. */
function problem(phase: ProblemPhase, overrides: Partial<Ticket> = {}): Ticket {
  const status = statusForPhase(phase, 'assigned', 'usr-pm');
  const resolved = status === 'resolved' || status === 'closed';
  return buildTicket({
    id: 'prb-1',
    number: 'PRB0000001',
    type: 'problem',
    assigneeId: 'usr-pm',
    status,
    problemPhase: phase,
    rootCause,
    knownError,
    ...(resolved ? { resolutionCode: 'fixed', resolutionNotes: 'Renewal job fixed.' } : {}),
    ...overrides,
  });
}

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe('problem lifecycle', () => {
  it('walks new -> assessment -> root-cause analysis -> known error -> resolved -> closed, one step at a time', () => {
    const walk: ProblemPhase[] = ['new', 'assessment', 'root_cause_analysis', 'known_error', 'resolved', 'closed'];
    for (let i = 1; i < walk.length; i++) {
      expect(canMovePhase(walk[i - 1], walk[i]), `${walk[i - 1]} -> ${walk[i]}`).toBe(true);
      expect(checkProblemRules(problem(walk[i]), problem(walk[i - 1]))).toEqual([]);
    }
  });

  it('refuses skipping a step in one move, but accepts a jump along the lifecycle as an offline device pushes it', () => {
    expect(canMovePhase('new', 'known_error')).toBe(false);
    expect(reachablePhase('new', 'known_error')).toBe(true);
    expect(checkProblemRules(problem('known_error'), problem('new'))).toEqual([]);
  });

  it('refuses going back where the lifecycle does not lead, and leaving closed', () => {
    expect(reachablePhase('known_error', 'new')).toBe(false);
    expect(reachablePhase('resolved', 'assessment')).toBe(true); // reopened: analysis, then assessment again
    expect(nextPhases('closed')).toEqual([]);
    for (const to of ['new', 'assessment', 'root_cause_analysis', 'known_error', 'resolved'] as const) {
      expect(reachablePhase('closed', to), to).toBe(false);
    }
    const back = checkProblemRules(problem('new'), problem('known_error'));
    expect(codes(back)).toEqual(['problem_phase_transition']);
    expect(back[0].message).toContain('from "known_error" to "new"');
    expect(codes(checkProblemRules(problem('resolved'), problem('closed')))).toEqual(['problem_phase_transition']);
  });

  it('offers the next phases in lifecycle order', () => {
    expect(nextPhases('root_cause_analysis')).toEqual(['assessment', 'known_error', 'resolved']);
    for (const [from, targets] of Object.entries(PROBLEM_PHASE_TRANSITIONS)) {
      for (const to of targets) expect(canMovePhase(from as ProblemPhase, to)).toBe(true);
    }
  });

  it('keeps the ticket status in step with the phase', () => {
    expect(
      codes(checkProblemRules(problem('assessment', { status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'x' }))),
    ).toEqual(['problem_phase_status']);
    expect(codes(checkProblemRules(problem('resolved', { status: 'in_progress' })))).toEqual(['problem_phase_status']);
    expect(checkProblemRules(problem('root_cause_analysis', { status: 'pending', pendingReason: 'vendor' }))).toEqual([]);
    expect(statusForPhase('assessment', 'new', '')).toBe('new');
    expect(statusForPhase('assessment', 'assigned', 'usr-pm')).toBe('assigned');
    expect(statusForPhase('resolved', 'in_progress', 'usr-pm')).toBe('resolved');
    expect(statusForPhase('new', 'in_progress', 'usr-pm')).toBe('assigned');
  });

  it('asks a known error for symptoms, cause and workaround in both languages', () => {
    const partial: KnownError = { ...knownError, workaround: { en: 'Reconnect', fr: ' ' } };
    const violations = checkProblemRules(problem('known_error', { knownError: partial }));
    expect(codes(violations)).toEqual(['known_error_incomplete']);
    expect(violations[0].field).toBe('knownError.workaround');
    const { knownError: _none, ...without } = problem('known_error');
    expect(checkProblemRules(without as Ticket).map((v) => v.field)).toEqual([
      'knownError.symptoms',
      'knownError.cause',
      'knownError.workaround',
    ]);
  });

  it('asks for a root cause before a problem is resolved as fixed, not when it was no problem after all', () => {
    const noCause = { ...rootCause, statement: '' };
    expect(codes(checkProblemRules(problem('resolved', { rootCause: noCause })))).toEqual(['root_cause_required']);
    expect(
      checkProblemRules(problem('resolved', { rootCause: noCause, resolutionCode: 'duplicate' }), problem('assessment')),
    ).toEqual([]);
  });

  it('keeps problem fields on problems and the problem link on incidents', () => {
    expect(codes(checkProblemRules(buildTicket({ problemPhase: 'assessment' })))).toEqual(['problem_field_type']);
    expect(checkProblemRules(buildTicket({ problemId: 'prb-1' }))).toEqual([]);
    expect(codes(checkProblemRules(problem('assessment', { problemId: 'prb-2' })))).toEqual(['problem_link']);
    expect(codes(checkProblemRules(buildTicket({ id: 'inc-1', problemId: 'inc-1' })))).toEqual(['problem_link']);
  });

  it('lets problems stored before phases follow the ticket lifecycle, but never drops a phase once given', () => {
    const legacy = buildTicket({ type: 'problem', status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'Done' });
    expect(checkProblemRules(legacy)).toEqual([]);
    expect(problemPhaseOf(legacy)).toBe('resolved');
    expect(problemPhaseOf({ status: 'pending' })).toBe('assessment');
    const { problemPhase: _dropped, ...dropped } = problem('assessment');
    expect(codes(checkProblemRules(dropped as Ticket, problem('assessment')))).toEqual(['problem_phase_transition']);
  });

  it('runs within the ticket rules', () => {
    expect(codes(checkTicketRules(problem('new'), problem('known_error')))).toContain('problem_phase_transition');
    expect(checkTicketRules(problem('known_error'), problem('root_cause_analysis'))).toEqual([]);
  });

  it('tells which writes move a problem', () => {
    expect(movesProblem(problem('assessment'), problem('new'))).toBe(true);
    expect(movesProblem(problem('assessment', { title: 'Renamed' }), problem('assessment'))).toBe(false);
    expect(movesProblem(problem('new'))).toBe(false);
    expect(movesProblem(problem('assessment'))).toBe(true);
    expect(movesProblem(buildTicket())).toBe(false);
  });

  it('came with ticket schema v5, which keeps the replication and v4 documents as they are', () => {
    expect(ticketDefinition.schema.version).toBeGreaterThanOrEqual(5);
    expect(ticketDefinition.replicationVersion).toBe(2);
    const v4 = { ...buildTicket() } as unknown as Record<string, unknown>;
    expect(ticketDefinition.migrationStrategies[5](v4)).toBe(v4);
  });
});

describe('mailsCaller', () => {
  it('writes to the callers of incidents and requests, not to whoever recorded a problem', () => {
    expect(mailsCaller({ type: 'incident' })).toBe(true);
    expect(mailsCaller({ type: 'request' })).toBe(true);
    expect(mailsCaller({ type: 'problem' })).toBe(false);
  });
});
