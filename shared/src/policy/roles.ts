import type { Actor } from '../domain/access-policy.js';
import { SECURITY_GROUP_ID } from '../domain/access-policy.js';

/** True for the roles that oversee the whole desk (supervisors and administrators). */
export function isOverseer(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'supervisor' || actor.role === 'admin';
}

/** True for administrators, who configure the desk. */
export function isAdmin(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/** True when the actor may read security incidents: overseers and members of the security group. */
export function clearedForSecurity(actor: Actor): boolean {
  return isOverseer(actor) || actor.groupIds.includes(SECURITY_GROUP_ID);
}
