import type { Actor } from '../domain/access-policy.js';
import type { Ticket } from '../schemas/ticket.js';
import { deskPolicies } from './desk-policies.js';
import { isOverseer } from './roles.js';

/** The group whose members manage problems (move them through their phases, publish known errors) in any role. */
export const PROBLEM_MANAGER_GROUP_ID = 'grp-problem-managers';

type TicketScope = Pick<Ticket, 'groupId' | 'assigneeId' | 'security'>;

/** True for supervisors, administrators and members of the problem-manager group. */
export function isProblemManager(actor: Pick<Actor, 'role' | 'groupIds'>): boolean {
  return isOverseer(actor) || actor.groupIds.includes(PROBLEM_MANAGER_GROUP_ID);
}

/** Permissions of the problem-management process (issue 19). */
export const problemPolicies = {
  /**
   * Move a problem to another phase (assessment, root-cause analysis, known error, resolved, closed): problem
   * managers and overseers who can see it. Anyone who edits the ticket may record the analysis itself; the phase
   * says what the desk tells agents (a known error is published to every one of them).
   */
  'problem.move': (actor: Actor, ticket: TicketScope): boolean =>
    isProblemManager(actor) && deskPolicies['ticket.see'](actor, ticket),
  /** Write or change a problem's known error (symptoms, cause, workaround), which agents apply to incidents. */
  'problem.publish': (actor: Actor, ticket: TicketScope): boolean =>
    isProblemManager(actor) && deskPolicies['ticket.see'](actor, ticket),
} as const;
