import type { Actor } from '../domain/access-policy.js';

/** The group whose members (with supervisors and admins) see security incidents. */
export const SECURITY_GROUP_ID = 'grp-security';

/** True for the roles that oversee the whole desk (supervisors and administrators). */
export function isOverseer(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'supervisor' || actor.role === 'admin';
}

/** True for administrators, who configure the desk. */
export function isAdmin(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/** True for the roles that work tickets day to day (agents and technicians): the ones tickets are assigned to. */
export function worksTickets(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'agent' || actor.role === 'technician';
}

/** True for technicians, who see only their groups' tickets and the ones assigned to them. */
export function isGroupBound(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'technician';
}

/** True when the actor may read security incidents: overseers and members of the security group. */
export function clearedForSecurity(actor: Pick<Actor, 'role' | 'groupIds'>): boolean {
  return isOverseer(actor) || actor.groupIds.includes(SECURITY_GROUP_ID);
}
