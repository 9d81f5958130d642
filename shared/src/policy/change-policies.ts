import type { Actor } from '../domain/access-policy.js';
import type { ChangePhase, Ticket } from '../schemas/ticket.js';
import { deskPolicies } from './desk-policies.js';
import { isAdmin, isOverseer } from './roles.js';

/** The group whose members manage changes (assess, submit to the CAB, schedule, close) in any role. */
export const CHANGE_MANAGER_GROUP_ID = 'grp-change-managers';

type TicketScope = Pick<Ticket, 'groupId' | 'assigneeId' | 'security' | 'callerId'>;

/** A move of a change from one phase to another. */
export interface ChangeMove {
  ticket: TicketScope;
  from: ChangePhase;
  to: ChangePhase;
}

/** True for supervisors, administrators and members of the change-manager group. */
export function isChangeManager(actor: Pick<Actor, 'role' | 'groupIds'>): boolean {
  return isOverseer(actor) || actor.groupIds.includes(CHANGE_MANAGER_GROUP_ID);
}

/** Moves the one doing the work makes: starting the implementation and handing it to review with its outcome. */
const IMPLEMENTER_MOVES: readonly `${ChangePhase}>${ChangePhase}`[] = ['scheduled>implementing', 'implementing>review'];
/** Moves anyone who sees the change may make: submitting a draft RFC, or withdrawing it. */
const REQUESTER_MOVES: readonly `${ChangePhase}>${ChangePhase}`[] = ['draft>assessment', 'draft>cancelled'];

/** Permissions of the change-management process (issue 20). */
export const changePolicies = {
  /**
   * Move a change between phases: change managers any move along the lifecycle; its assignee starts and ends the
   * implementation; whoever sees a draft submits or withdraws it. Approving is the CAB's (change-approvals.ts).
   */
  'change.move': (actor: Actor, move: ChangeMove): boolean => {
    if (!deskPolicies['ticket.see'](actor, move.ticket)) return false;
    if (isChangeManager(actor)) return true;
    const step = `${move.from}>${move.to}` as const;
    if (REQUESTER_MOVES.includes(step)) return true;
    return IMPLEMENTER_MOVES.includes(step) && move.ticket.assigneeId === actor.id;
  },
  /** See change management's configuration (read-only for supervisors). */
  'change.settings.read': (actor: Actor): boolean => isOverseer(actor),
  /** Configure change management: CAB groups, quorum rules, blackout and maintenance windows, standard templates. */
  'change.settings.write': (actor: Actor): boolean => isAdmin(actor),
} as const;
