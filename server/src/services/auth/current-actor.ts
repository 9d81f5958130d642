import type { Actor } from '@shared';
import type { Queryable } from '../../db/database.js';
import { findUserById } from '../../db/queries/directory.js';
import { isSessionRevoked } from '../../db/queries/refresh-tokens.js';
import { unauthorized } from '../../http/api-error.js';
import { sessionUserFrom } from './session-user.js';

/** True when both grant the same access: the same role and the same groups, in any order. */
export function sameAccess(a: Pick<Actor, 'role' | 'groupIds'>, b: Pick<Actor, 'role' | 'groupIds'>): boolean {
  const left = [...a.groupIds].sort();
  const right = [...b.groupIds].sort();
  return a.role === b.role && left.length === right.length && left.every((g, i) => g === right[i]);
}

/**
 * Checks a verified token's actor against the directory at every use, so a deactivated or removed account, or
 * one whose role or groups changed, cannot go on with a token issued before (tokens last an hour). 401: the
 * client refreshes, and the refresh refuses deactivated accounts or issues a token with the current rights.
 */
export async function confirmActor(db: Queryable, actor: Actor): Promise<Actor> {
  const doc = await findUserById(db, actor.id);
  const user = doc ? sessionUserFrom(doc) : null;
  if (!user) throw unauthorized('This account no longer exists, so its access token is refused. Ask an administrator.');
  if (!user.active) throw unauthorized('This account is deactivated, so its access token is refused. Ask an administrator.');
  if (!sameAccess(user, actor)) {
    throw unauthorized('Your role or groups changed since this access token was issued. Refresh it or sign in again.');
  }
  return actor;
}

/** Refuses a token whose sign-in has ended (signed out, or its refresh chain revoked) before it expires. */
export async function confirmSessionOpen(db: Queryable, sessionId: string | null): Promise<void> {
  if (sessionId !== null && (await isSessionRevoked(db, sessionId))) {
    throw unauthorized('This sign-in has ended (signed out or its refresh token was reused). Sign in again.');
  }
}
