import { ACCESS_POLICY, can, type Actor, type ReplicatedCollection } from '@shared';
import type { PullFilter } from '../../db/queries/pull.js';

/**
 * The SQL filter for what `actor` receives from `collection`, from the shared policy; null when nothing.
 * `visible_tickets` is the shared `canSeeTicket` rule: security tickets only for supervisors, admins and the
 * security group; technicians only tickets assigned to them or to one of their groups. `assigned_tickets` adds:
 * only tickets assigned to the actor (`isAssignedTicket`).
 */
export function pullFilterFor(actor: Actor, collection: ReplicatedCollection): PullFilter | null {
  const scope = ACCESS_POLICY[collection][actor.role].pull;
  if (scope === 'none') return null;
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'visible_cis') {
    // Whoever sees a CI that belongs to nobody and stands nowhere sees them all (`ci.see` restricts technicians only).
    const everything = can(actor, 'ci.see', { ci: { ownerGroupId: '', locationId: '' }, sites: { siteIds: [] } });
    return everything ? { kind: 'all' } : { kind: 'cis', groupIds: actor.groupIds };
  }
  return {
    kind: 'tickets',
    seeSecurity: can(actor, 'security.see'),
    restrictTo: can(actor, 'tickets.seeAllGroups') ? null : { userId: actor.id, groupIds: actor.groupIds },
    ...(scope === 'assigned_tickets' ? { assignedTo: actor.id } : {}),
  };
}
