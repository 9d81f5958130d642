import type { Actor } from '../domain/access-policy.js';
import { changePolicies } from './change-policies.js';
import { cmdbPolicies } from './cmdb-policies.js';
import { deskPolicies } from './desk-policies.js';
import { problemPolicies } from './problem-policies.js';
import { scopePolicies } from './scope-policies.js';
import { slaPolicies } from './sla-policies.js';

/**
 * Every permission of the desk, joined from each process's table. A new process adds its table here (and nowhere
 * else writes a role check): the server, the client and the access-matrix tests all ask `can`.
 */
const POLICIES = {
  ...deskPolicies,
  ...cmdbPolicies,
  ...scopePolicies,
  ...slaPolicies,
  ...problemPolicies,
  ...changePolicies,
} as const;

type Policies = typeof POLICIES;
export type PolicyAction = keyof Policies;
/** What an action is taken on (the ticket, the CI, …); `undefined` for actions on the desk as a whole. */
export type PolicySubject<A extends PolicyAction> = Parameters<Policies[A]>[1];

/** True when the actor may take the action on the subject. */
export function can<A extends PolicyAction>(
  actor: Actor,
  action: A,
  ...subject: PolicySubject<A> extends undefined ? [] : [PolicySubject<A>]
): boolean {
  const rule = POLICIES[action] as (actor: Actor, subject: unknown) => boolean;
  return rule(actor, subject[0]);
}

/** Every action name, for the access-matrix tests. */
export const POLICY_ACTIONS = Object.keys(POLICIES) as PolicyAction[];
