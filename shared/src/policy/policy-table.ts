import type { Actor } from '../domain/access-policy.js';

/**
 * One permission: who may take an action, given what it is taken on. A table maps action names to rules; each
 * process (tickets, reports, SLA, CMDB, …) keeps its own table in this folder and `can.ts` joins them.
 */
export type PolicyRule<Subject = undefined> = (actor: Actor, subject: Subject) => boolean;

/** A process's permissions, by action name (`area.verb`). */
export type PolicyTable = Readonly<Record<string, PolicyRule<never>>>;
