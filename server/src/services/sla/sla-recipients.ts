import type { SlaThreshold, Ticket } from '@shared';

/** The directory people an SLA notification can reach. */
export interface SlaPeople {
  /** Users by id (at least the assignees of the tickets being planned). */
  users: ReadonlyMap<string, Record<string, unknown>>;
  /** Active supervisors with an e-mail address. */
  supervisors: readonly Record<string, unknown>[];
  /** The people who lead each group (the group's `leadIds`), by group id; a group absent or empty has none named. */
  leads?: ReadonlyMap<string, readonly Record<string, unknown>[]>;
  /** The tickets' callers the directory marks VIP (vipCallerIdsOf): a policy's VIP condition is tested on them. */
  vipCallerIds?: ReadonlySet<string>;
}

const emailOf = (user: Record<string, unknown> | undefined): string | undefined =>
  user && user.active === true && typeof user.email === 'string' && user.email !== '' ? user.email : undefined;

const inGroup = (user: Record<string, unknown>, groupId: string): boolean =>
  Array.isArray(user.groupIds) && user.groupIds.includes(groupId);

/**
 * Who a threshold's notify actions reach for a ticket, as one address list (sorted, without repeats): the assignee;
 * the group's leads as the administration screen names them, else (no lead named, or none active) the supervisors
 * belonging to the group; a supervisor: those of the group, else every supervisor (as low-score alerts do). Empty when nobody can be told
 * (e.g. unassigned and no supervisor): such an action is not stored until a later write of the ticket finds someone.
 * `reassign` and `raise_priority` notify nobody: the scheduler carries them out on the ticket (sla-scheduler.ts).
 */
export function slaRecipients(
  actions: readonly SlaThreshold['actions'][number][],
  ticket: Pick<Ticket, 'assigneeId' | 'groupId'>,
  people: SlaPeople,
): string[] {
  const out = new Set<string>();
  const add = (email: string | undefined): void => {
    if (email) out.add(email);
  };
  const ofGroup = people.supervisors.filter((s) => inGroup(s, ticket.groupId));
  for (const action of actions) {
    if (action === 'notify_assignee') add(emailOf(people.users.get(ticket.assigneeId)));
    if (action === 'notify_group_leads') {
      const named = (people.leads?.get(ticket.groupId) ?? []).filter((lead) => emailOf(lead));
      (named.length > 0 ? named : ofGroup).forEach((s) => add(emailOf(s)));
    }
    if (action === 'notify_supervisor') (ofGroup.length > 0 ? ofGroup : people.supervisors).forEach((s) => add(emailOf(s)));
  }
  return [...out].sort();
}
