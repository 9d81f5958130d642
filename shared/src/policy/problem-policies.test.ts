import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/access-policy.js';
import type { KnownError, ProblemPhase, Ticket } from '../schemas/ticket.js';
import { buildTicket } from '../testing/build-records.js';
import { can } from './can.js';
import { PROBLEM_MANAGER_GROUP_ID, isProblemManager } from './problem-policies.js';
import { WRITE_CHECKS } from './write-checks.js';

const agent: Actor = { id: 'usr-agent', role: 'agent', groupIds: ['grp-service-desk'] };
const technician: Actor = { id: 'usr-tech', role: 'technician', groupIds: ['grp-field'] };
const manager: Actor = { id: 'usr-pm', role: 'agent', groupIds: ['grp-service-desk', PROBLEM_MANAGER_GROUP_ID] };
const technicianManager: Actor = { id: 'usr-tpm', role: 'technician', groupIds: [PROBLEM_MANAGER_GROUP_ID] };
const supervisor: Actor = { id: 'usr-sup', role: 'supervisor', groupIds: [] };
const admin: Actor = { id: 'usr-admin', role: 'admin', groupIds: [] };

const knownError: KnownError = {
  symptoms: { en: 'Outlook freezes', fr: 'Outlook se fige' },
  cause: { en: 'Add-in leak', fr: 'Fuite du module' },
  workaround: { en: 'Disable the add-in', fr: 'Désactiver le module' },
};

const problem = (phase: ProblemPhase, overrides: Partial<Ticket> = {}): Ticket =>
  buildTicket({
    id: 'prb-1',
    number: 'PRB0000001',
    type: 'problem',
    status: 'assigned',
    problemPhase: phase,
    groupId: 'grp-field',
    ...overrides,
  });

type Doc = Record<string, unknown>;
const check = (actor: Actor, next: Ticket, previous?: Ticket) =>
  WRITE_CHECKS.tickets!(
    { actor, tickets: new Map(), surveyVersions: new Map(), now: Date.now() },
    next as unknown as Doc,
    previous as unknown as Doc | undefined,
  );

describe('problem policies', () => {
  it('lets problem managers (group, any role) and overseers move problems and publish known errors, nobody else', () => {
    const subject = problem('assessment');
    for (const actor of [manager, supervisor, admin]) {
      expect(isProblemManager(actor), actor.id).toBe(true);
      expect(can(actor, 'problem.move', subject), actor.id).toBe(true);
      expect(can(actor, 'problem.publish', subject), actor.id).toBe(true);
    }
    for (const actor of [agent, technician]) {
      expect(can(actor, 'problem.move', subject), actor.id).toBe(false);
      expect(can(actor, 'problem.publish', subject), actor.id).toBe(false);
    }
  });

  it('asks a group-bound problem manager to see the problem too', () => {
    expect(can(technicianManager, 'problem.move', problem('assessment', { groupId: 'grp-network' }))).toBe(false);
    expect(can(technicianManager, 'problem.move', problem('assessment', { groupId: 'grp-network', assigneeId: 'usr-tpm' }))).toBe(
      true,
    );
  });
});

describe('problem write checks', () => {
  it('refuses a phase change by an agent with problem_move_forbidden (403), naming whom to ask', () => {
    const refused = check(agent, problem('assessment'), problem('new'));
    expect(refused).toEqual([expect.objectContaining({ status: 403, field: 'problemPhase', code: 'problem_move_forbidden' })]);
    expect(refused[0].message).toContain(PROBLEM_MANAGER_GROUP_ID);
    expect(refused[0].message).toContain('stays in "new"');
    expect(check(manager, problem('assessment'), problem('new'))).toEqual([]);
    expect(check(supervisor, problem('assessment'), problem('new'))).toEqual([]);
  });

  it('lets anyone who edits the ticket record the analysis, without moving it', () => {
    const stored = problem('root_cause_analysis');
    const analysed = {
      ...stored,
      workaround: 'Restart the spooler',
      rootCause: { timeline: [], whys: ['Why?'], contributingFactors: [], statement: '', fixChangeId: '' },
    };
    expect(check(agent, analysed, stored)).toEqual([]);
  });

  it('refuses a problem created past "new" by an agent, not one created new', () => {
    expect(check(agent, problem('new'), undefined)).toEqual([]);
    expect(check(agent, problem('assessment'), undefined)).toEqual([expect.objectContaining({ code: 'problem_move_forbidden' })]);
  });

  it('keeps the known error to problem managers', () => {
    const stored = problem('known_error', { knownError });
    const edited = { ...stored, knownError: { ...knownError, workaround: { en: 'Reboot', fr: 'Redémarrer' } } };
    expect(check(agent, edited, stored)).toEqual([expect.objectContaining({ status: 403, code: 'known_error_edit_forbidden' })]);
    expect(check(manager, edited, stored)).toEqual([]);
    expect(check(agent, { ...stored, title: 'Outlook freezes on start' }, stored)).toEqual([]);
  });

  it('leaves incidents alone', () => {
    const incident = buildTicket();
    expect(check(agent, { ...incident, problemId: 'prb-1' }, incident)).toEqual([]);
  });
});
