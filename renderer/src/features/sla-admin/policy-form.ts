import type { BusinessCalendar, SettingViolation, SlaCondition, SlaPolicy, SlaThreshold, TicketType, Priority } from '@shared';
import type { Translate } from '../sla/sla-view.js';

/** A number field as Mantine's NumberInput gives it: a number, or '' (or partial text) while being typed. */
export type NumberField = number | string;

/** The policy editor's state: the policy's fields, with numbers as typed so an empty field can be reported. */
export interface PolicyForm {
  id: string;
  name: string;
  enabled: boolean;
  order: NumberField;
  types: TicketType[];
  /** Priorities as strings ('1'…'5'), the value type of a multi-select. */
  priorities: string[];
  categoryIds: string[];
  calendarId: string;
  firstResponseMinutes: NumberField;
  resolutionMinutes: NumberField;
  /** '' when the policy has no update interval. */
  updateIntervalMinutes: NumberField;
  onReopen: SlaPolicy['onReopen'];
  /** `groupId`: the group the reassign action hands the ticket to ('' when none is chosen). */
  thresholds: { percent: NumberField; actions: SlaThreshold['actions']; groupId: string }[];
  actionsInBusinessHoursOnly: boolean;
  /** Condition fields the form does not edit (groups, affected items, organisations, VIP), kept as they were. */
  keptCondition: Omit<SlaCondition, 'types' | 'priorities' | 'categoryIds'>;
}

/** The form for an existing policy. */
export function formFromPolicy(policy: SlaPolicy): PolicyForm {
  const { types, priorities, categoryIds, ...kept } = policy.condition;
  return {
    id: policy.id,
    name: policy.name,
    enabled: policy.enabled,
    order: policy.order,
    types: types ?? [],
    priorities: (priorities ?? []).map(String),
    categoryIds: categoryIds ?? [],
    calendarId: policy.calendarId,
    firstResponseMinutes: policy.firstResponseMinutes,
    resolutionMinutes: policy.resolutionMinutes,
    updateIntervalMinutes: policy.updateIntervalMinutes ?? '',
    onReopen: policy.onReopen,
    thresholds: policy.thresholds.map((t) => ({ percent: t.percent, actions: [...t.actions], groupId: t.groupId ?? '' })),
    actionsInBusinessHoursOnly: policy.actionsInBusinessHoursOnly,
    keptCondition: kept,
  };
}

/**
 * A new policy copied from a shipped template: a fresh id, placed after every existing policy, and on the template's
 * calendar when this desk has it (otherwise the first calendar it has, which the administrator can change).
 */
export function formFromTemplate(
  template: SlaPolicy,
  id: string,
  existing: readonly Pick<SlaPolicy, 'order'>[],
  calendarIds: readonly string[],
): PolicyForm {
  const lastOrder = existing.reduce((max, p) => Math.max(max, p.order), 0);
  const calendarId = calendarIds.includes(template.calendarId) ? template.calendarId : (calendarIds[0] ?? template.calendarId);
  return { ...formFromPolicy(template), id, order: lastOrder + 10, calendarId };
}

/** The VIP condition as the editor's choice: any caller, VIP callers only, or everyone but them. */
export function vipChoice(vip: boolean | undefined): 'any' | 'yes' | 'no' {
  return vip === undefined ? 'any' : vip ? 'yes' : 'no';
}

/** The kept condition with the VIP choice applied ('any' removes the condition). */
export function withVip(condition: PolicyForm['keptCondition'], choice: string | null): PolicyForm['keptCondition'] {
  const { vip: _previous, ...rest } = condition;
  return choice === 'yes' ? { ...rest, vip: true } : choice === 'no' ? { ...rest, vip: false } : rest;
}

/** An empty-ish field counts as 0 so the shared check reports it as an invalid target, not as a malformed document. */
function toNumber(v: NumberField): number {
  if (typeof v === 'number') return v;
  const n = Number(v.trim().replace(',', '.'));
  return v.trim() === '' || Number.isNaN(n) ? 0 : n;
}

/** A threshold as written: the group only with the reassign action that uses it (the shared check asks for it then). */
function thresholdFromForm(t: PolicyForm['thresholds'][number]): SlaThreshold {
  const threshold: SlaThreshold = { percent: toNumber(t.percent), actions: t.actions };
  if (t.actions.includes('reassign') && t.groupId.trim() !== '') threshold.groupId = t.groupId;
  return threshold;
}

/** The policy the form describes, as written to the settings collection (the shared check decides if it is valid). */
export function policyFromForm(form: PolicyForm): SlaPolicy {
  const condition: SlaCondition = { ...form.keptCondition };
  if (form.types.length > 0) condition.types = form.types;
  if (form.priorities.length > 0) condition.priorities = form.priorities.map((p) => Number(p) as Priority);
  if (form.categoryIds.length > 0) condition.categoryIds = form.categoryIds;
  const update =
    typeof form.updateIntervalMinutes === 'string' && form.updateIntervalMinutes.trim() === ''
      ? undefined
      : form.updateIntervalMinutes;
  return {
    id: form.id,
    name: form.name.trim(),
    order: toNumber(form.order),
    enabled: form.enabled,
    condition,
    calendarId: form.calendarId,
    firstResponseMinutes: toNumber(form.firstResponseMinutes),
    resolutionMinutes: toNumber(form.resolutionMinutes),
    ...(update === undefined ? {} : { updateIntervalMinutes: toNumber(update) }),
    onReopen: form.onReopen,
    thresholds: form.thresholds.map((t) => thresholdFromForm(t)),
    actionsInBusinessHoursOnly: form.actionsInBusinessHoursOnly,
  };
}

/** The i18n key of a violation code ('sla.policy.negative_target' → 'slaAdmin.violation.sla_policy_negative_target'). */
export function violationKey(code: string): string {
  return `slaAdmin.violation.${code.replace(/\./g, '_')}`;
}

/** Violations translated, by form field ('resolutionMinutes', 'thresholds.0.percent', …; '' for the whole form). */
export function fieldErrors(violations: readonly SettingViolation[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of violations) {
    const field = v.field.replace(/^data\./, '');
    const key = violationKey(v.code);
    const text = t(key);
    // An unknown code falls back to the shared English message rather than showing a bare key.
    const message = text === key ? v.message : text;
    // Only the first problem per field: one clear message next to the field.
    if (out[field] === undefined) out[field] = message;
  }
  return out;
}

/** The translated list's summary of a policy's condition ("priority is 3 – Moderate"). */
export function conditionSummary(
  condition: SlaCondition,
  t: Translate,
  labels: { type: Record<string, string>; priority: Record<number, string> },
  nameOf: (id: string) => string,
): string {
  const parts: string[] = [];
  if (condition.types?.length)
    parts.push(t('sla.condition.types', { values: condition.types.map((v) => labels.type[v] ?? v).join(', ') }));
  if (condition.priorities?.length)
    parts.push(
      t('sla.condition.priorities', { values: condition.priorities.map((v) => labels.priority[v] ?? String(v)).join(', ') }),
    );
  if (condition.categoryIds?.length)
    parts.push(t('sla.condition.categories', { values: condition.categoryIds.map(nameOf).join(', ') }));
  if (condition.groupIds?.length) parts.push(t('sla.condition.groups', { values: condition.groupIds.map(nameOf).join(', ') }));
  if (condition.affectedItems?.length) parts.push(t('sla.condition.items', { values: condition.affectedItems.join(', ') }));
  if (condition.callerOrgIds?.length)
    parts.push(t('sla.condition.orgs', { values: condition.callerOrgIds.map(nameOf).join(', ') }));
  if (condition.vip !== undefined) parts.push(condition.vip ? t('sla.condition.vip') : t('sla.condition.notVip'));
  return parts.length > 0 ? parts.join('; ') : t('sla.condition.any');
}

/** Policies in the order they are tried (the first enabled match applies), ties by id as the matcher does. */
export function policiesInMatchOrder(policies: readonly SlaPolicy[]): SlaPolicy[] {
  return [...policies].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** Minutes as "1 h 30 min" style text for the list. */
export function minutesText(minutes: number | undefined): string {
  if (minutes === undefined) return '—';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A calendar version's working hours per weekday ("08:00–16:00"), index 0 = Sunday. */
export function weekHoursText(weekHours: BusinessCalendar['versions'][number]['weekHours']): string[] {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return weekHours.map((day) => day.map((i) => `${hhmm(i.start)}–${hhmm(i.end)}`).join(', '));
}
