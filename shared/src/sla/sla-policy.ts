import type { DirectoryEntry } from '../schemas/directory.js';
import type { Priority, Ticket, TicketType } from '../schemas/ticket.js';

/** What a policy's condition may test; every listed field must match (an absent field matches anything). */
export interface SlaCondition {
  types?: TicketType[];
  priorities?: Priority[];
  categoryIds?: string[];
  groupIds?: string[];
  /** Matches the ticket's affected service or configuration item (free text until the CMDB exists). */
  affectedItems?: string[];
  callerOrgIds?: string[];
  vip?: boolean;
}

/** One warning threshold, as a percentage of the target, and what happens when it is reached. */
export interface SlaThreshold {
  percent: number;
  actions: ('notify_assignee' | 'notify_group_leads' | 'notify_supervisor' | 'reassign' | 'raise_priority')[];
  /** Group for the reassign action. */
  groupId?: string;
}

/** An SLA policy: targets in business minutes, on a business calendar, chosen by its condition. */
export interface SlaPolicy {
  id: string;
  name: string;
  /** Lower first: the first enabled policy whose condition matches the ticket applies. */
  order: number;
  enabled: boolean;
  condition: SlaCondition;
  calendarId: string;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  /** A customer-visible update at least this often, when set. */
  updateIntervalMinutes?: number;
  /** What a reopen does to the resolution clock: resume where it stopped, or start again from zero. */
  onReopen: 'resume' | 'restart';
  thresholds: SlaThreshold[];
  /** When true, actions that fall due outside business hours wait for the next working instant. */
  actionsInBusinessHoursOnly: boolean;
}

/** An operational-level agreement: a target for one assignment group's own stint on a ticket. */
export interface OlaPolicy {
  id: string;
  groupId: string;
  calendarId: string;
  targetMinutes: number;
}

/** The ticket facts a condition tests; organisation and VIP come from the caller's directory entry. */
export type SlaTicketFacts = Pick<Ticket, 'type' | 'priority' | 'categoryId' | 'groupId'> & {
  affectedItem?: string;
  callerOrgId?: string;
  callerVip?: boolean;
};

/** The reasons a condition matched, for the explanation ("priority 1, incident"). */
export interface SlaMatch {
  policy: SlaPolicy;
  matchedOn: (keyof SlaCondition)[];
}

function conditionMatches(condition: SlaCondition, t: SlaTicketFacts): (keyof SlaCondition)[] | undefined {
  const on: (keyof SlaCondition)[] = [];
  const test = (key: keyof SlaCondition, ok: boolean | undefined): boolean => {
    if (ok === undefined) return true;
    if (ok) on.push(key);
    return ok;
  };
  const ok =
    test('types', condition.types && condition.types.includes(t.type)) &&
    test('priorities', condition.priorities && condition.priorities.includes(t.priority)) &&
    test('categoryIds', condition.categoryIds && condition.categoryIds.includes(t.categoryId)) &&
    test('groupIds', condition.groupIds && condition.groupIds.includes(t.groupId)) &&
    test('affectedItems', condition.affectedItems && condition.affectedItems.includes(t.affectedItem ?? '')) &&
    test('callerOrgIds', condition.callerOrgIds && condition.callerOrgIds.includes(t.callerOrgId ?? '')) &&
    test('vip', condition.vip === undefined ? undefined : condition.vip === (t.callerVip ?? false));
  return ok ? on : undefined;
}

/** The first enabled policy, in order, whose condition matches the ticket. */
export function matchSlaPolicy(policies: readonly SlaPolicy[], ticket: SlaTicketFacts): SlaMatch | undefined {
  const ordered = [...policies].filter((p) => p.enabled).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  for (const policy of ordered) {
    const matchedOn = conditionMatches(policy.condition, ticket);
    if (matchedOn) return { policy, matchedOn };
  }
  return undefined;
}

/** The people the directory marks as VIP callers (`vip` on a person's entry, set by an administrator). */
export function vipCallerIdsOf(entries: Iterable<Pick<DirectoryEntry, 'id' | 'kind' | 'vip'>>): Set<string> {
  const out = new Set<string>();
  for (const entry of entries) if (entry.kind === 'user' && entry.vip === true) out.add(entry.id);
  return out;
}

/**
 * The policy of a ticket as every side matches it (desk, server, reports): the ticket's own fields, and the caller's
 * VIP flag from the directory (`vipCallerIds`, vipCallerIdsOf), never from the ticket, which a device could forge.
 */
export function matchTicketSlaPolicy(
  policies: readonly SlaPolicy[],
  ticket: Pick<Ticket, 'type' | 'priority' | 'categoryId' | 'groupId' | 'callerId'> & { affectedItem?: string },
  vipCallerIds: ReadonlySet<string> | undefined,
): SlaMatch | undefined {
  return matchSlaPolicy(policies, {
    type: ticket.type,
    priority: ticket.priority,
    categoryId: ticket.categoryId,
    groupId: ticket.groupId,
    affectedItem: ticket.affectedItem,
    callerVip: vipCallerIds?.has(ticket.callerId) === true,
  });
}

/** Policy validation problems, with stable codes the UI translates. */
export type SlaPolicyViolation =
  | { code: 'sla.policy.negative_target'; field: string }
  | { code: 'sla.policy.bad_threshold'; field: string }
  | { code: 'sla.policy.name_required'; field: string }
  | { code: 'sla.policy.unknown_calendar'; field: string }
  | { code: 'sla.policy.reassign_group_required'; field: string };

const MAX_TARGET_MINUTES = 366 * 24 * 60;

/** Everything wrong with a policy, empty when it is valid. */
export function validateSlaPolicy(policy: SlaPolicy, calendarIds: readonly string[]): SlaPolicyViolation[] {
  const out: SlaPolicyViolation[] = [];
  if (policy.name.trim() === '') out.push({ code: 'sla.policy.name_required', field: 'name' });
  const target = (field: 'firstResponseMinutes' | 'resolutionMinutes' | 'updateIntervalMinutes', v: number | undefined): void => {
    if (v === undefined) return;
    if (!Number.isInteger(v) || v <= 0 || v > MAX_TARGET_MINUTES) out.push({ code: 'sla.policy.negative_target', field });
  };
  target('firstResponseMinutes', policy.firstResponseMinutes);
  target('resolutionMinutes', policy.resolutionMinutes);
  target('updateIntervalMinutes', policy.updateIntervalMinutes);
  policy.thresholds.forEach((t, i) => {
    if (!Number.isFinite(t.percent) || t.percent <= 0 || t.percent > 100)
      out.push({ code: 'sla.policy.bad_threshold', field: `thresholds.${i}.percent` });
    // Reassigning needs the group to hand the ticket to.
    if (t.actions.includes('reassign') && !t.groupId?.trim())
      out.push({ code: 'sla.policy.reassign_group_required', field: `thresholds.${i}.groupId` });
  });
  if (!calendarIds.includes(policy.calendarId)) out.push({ code: 'sla.policy.unknown_calendar', field: 'calendarId' });
  return out;
}

const DEFAULT_THRESHOLDS: SlaThreshold[] = [
  { percent: 50, actions: ['notify_assignee'] },
  { percent: 75, actions: ['notify_assignee', 'notify_group_leads'] },
  { percent: 100, actions: ['notify_assignee', 'notify_supervisor'] },
];

function template(
  id: string,
  name: string,
  order: number,
  priorities: Priority[],
  calendarId: string,
  fr: number,
  res: number,
  upd?: number,
): SlaPolicy {
  return {
    id,
    name,
    order,
    enabled: true,
    condition: { priorities },
    calendarId,
    firstResponseMinutes: fr,
    resolutionMinutes: res,
    ...(upd === undefined ? {} : { updateIntervalMinutes: upd }),
    onReopen: 'resume',
    thresholds: DEFAULT_THRESHOLDS,
    actionsInBusinessHoursOnly: calendarId !== 'cal-24x7',
  };
}

/** Shipped Gold / Silver / Bronze templates by priority that an administrator copies and adjusts. */
export const SLA_POLICY_TEMPLATES: readonly SlaPolicy[] = [
  template('sla-gold', 'Gold (priority 1–2, 24x7)', 10, [1, 2], 'cal-24x7', 15, 4 * 60, 60),
  template('sla-silver', 'Silver (priority 3, business hours)', 20, [3], 'cal-goc', 60, 2 * 8 * 60, 8 * 60),
  template('sla-bronze', 'Bronze (priority 4–5, business hours)', 30, [4, 5], 'cal-goc', 4 * 60, 5 * 8 * 60),
];
