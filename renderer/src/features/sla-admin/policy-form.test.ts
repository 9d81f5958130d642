import { checkSlaSetting, SLA_POLICY_TEMPLATES, type SlaThreshold } from '@shared';
import { buildSlaPolicy } from '@shared/testing/build-sla.js';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import {
  conditionSummary,
  fieldErrors,
  formFromPolicy,
  formFromTemplate,
  minutesText,
  policiesInMatchOrder,
  policyFromForm,
  violationKey,
  vipChoice,
  weekHoursText,
  withVip,
} from './policy-form.js';

type Tree = { [key: string]: string | Tree };
/** A tiny translator over the real locale files, so a missing key shows up as the key itself. */
const translator =
  (tree: Tree) =>
  (key: string, options?: Record<string, unknown>): string => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String((options?.[name] as string | number | undefined) ?? ''));
  };
const tEn = translator(en);
const tFr = translator(fr);
const silver = SLA_POLICY_TEMPLATES.find((p) => p.id === 'sla-silver')!;
const check = (form: ReturnType<typeof formFromPolicy>, calendars = ['cal-goc', 'cal-24x7']) => {
  const policy = policyFromForm(form);
  return checkSlaSetting({ id: policy.id, kind: 'sla_policy', data: policy as unknown as Record<string, unknown> }, calendars);
};

describe('policy form', () => {
  it('round-trips a policy unchanged, keeping the condition fields it does not edit', () => {
    const policy = buildSlaPolicy({
      condition: { types: ['incident'], priorities: [1, 2], groupIds: ['g-net'], vip: true },
      updateIntervalMinutes: 45,
    });
    expect(policyFromForm(formFromPolicy(policy))).toEqual(policy);
  });

  it('copies a template with a new id, after every existing policy, on its calendar; the copy is valid', () => {
    const form = formFromTemplate(silver, 'new-id', [{ order: 10 }, { order: 40 }], ['cal-24x7', 'cal-goc']);
    expect(form).toMatchObject({ id: 'new-id', order: 50, calendarId: 'cal-goc', priorities: ['3'], resolutionMinutes: 960 });
    expect(check(form)).toEqual([]);
  });

  it('puts a copy on an existing calendar when this desk lacks the template’s', () => {
    expect(formFromTemplate(silver, 'x', [], ['cal-other']).calendarId).toBe('cal-other');
  });

  it('leaves the update interval out when its field is empty, and reports an empty target as invalid', () => {
    const form = { ...formFromPolicy(silver), updateIntervalMinutes: '', resolutionMinutes: '' };
    const policy = policyFromForm(form);
    expect('updateIntervalMinutes' in policy).toBe(false);
    expect(check(form).map((v) => [v.code, v.field])).toEqual([['sla.policy.negative_target', 'data.resolutionMinutes']]);
  });

  it('maps a negative target and a bad threshold to their fields, translated in English and French', () => {
    const form = { ...formFromPolicy(silver), resolutionMinutes: -30, thresholds: [{ percent: 150, actions: [], groupId: '' }] };
    const violations = check(form);
    expect(fieldErrors(violations, tEn)).toEqual({
      resolutionMinutes: 'Targets are whole minutes greater than zero (at most one year).',
      'thresholds.0.percent': 'Warning thresholds are percentages above 0 and at most 100.',
    });
    expect(fieldErrors(violations, tFr).resolutionMinutes).toBe(
      'Les cibles sont des minutes entières supérieures à zéro (au plus un an).',
    );
  });

  it('has a translation for every code the shared check can give', () => {
    const codes = [
      'sla.calendar.unknown_time_zone',
      'sla.calendar.bad_hours',
      'sla.calendar.overlapping_hours',
      'sla.calendar.no_versions',
      'sla.calendar.bad_date',
      'sla.calendar.unknown_holiday_source',
      'sla.calendar.rewrites_history',
      'sla.calendar.duplicate_exception',
      'sla.calendar.exception_before_version',
      'sla.calendar.exception_too_far',
      'sla.policy.negative_target',
      'sla.policy.bad_threshold',
      'sla.policy.name_required',
      'sla.policy.unknown_calendar',
      'sla.policy.reassign_group_required',
      'sla.setting.id_mismatch',
      'sla.setting.shape',
    ];
    for (const code of codes) {
      expect(tEn(violationKey(code)), code).not.toBe(violationKey(code));
      expect(tFr(violationKey(code)), code).not.toBe(violationKey(code));
    }
  });

  it('keeps the reassign group only with the reassign action, and asks for it on that threshold', () => {
    const base = formFromPolicy(silver);
    const form = {
      ...base,
      thresholds: [
        { percent: 75, actions: ['reassign', 'notify_assignee'] as SlaThreshold['actions'], groupId: 'grp-network' },
        { percent: 90, actions: ['raise_priority'] as SlaThreshold['actions'], groupId: 'grp-network' },
        { percent: 100, actions: ['reassign'] as SlaThreshold['actions'], groupId: '' },
      ],
    };
    const policy = policyFromForm(form);
    expect(policy.thresholds).toEqual([
      { percent: 75, actions: ['reassign', 'notify_assignee'], groupId: 'grp-network' },
      { percent: 90, actions: ['raise_priority'] },
      { percent: 100, actions: ['reassign'] },
    ]);
    expect(formFromPolicy(policy).thresholds[0].groupId).toBe('grp-network');
    const errors = fieldErrors(check(form), tEn);
    expect(errors).toEqual({ 'thresholds.2.groupId': 'Choose the group the ticket is reassigned to.' });
    expect(fieldErrors(check(form), tFr)['thresholds.2.groupId']).toBe('Choisissez le groupe auquel le billet est réaffecté.');
  });

  it('edits the VIP condition: any caller, VIP callers only, or everyone else', () => {
    const form = formFromPolicy(buildSlaPolicy({ condition: { groupIds: ['g-net'] } }));
    expect(vipChoice(form.keptCondition.vip)).toBe('any');
    const vipOnly = { ...form, keptCondition: withVip(form.keptCondition, 'yes') };
    expect(policyFromForm(vipOnly).condition).toEqual({ groupIds: ['g-net'], vip: true });
    expect(vipChoice(formFromPolicy(policyFromForm(vipOnly)).keptCondition.vip)).toBe('yes');
    expect(policyFromForm({ ...form, keptCondition: withVip(vipOnly.keptCondition, 'no') }).condition.vip).toBe(false);
    expect('vip' in policyFromForm({ ...form, keptCondition: withVip(vipOnly.keptCondition, 'any') }).condition).toBe(false);
  });

  it('falls back to the shared English message for a code it does not know', () => {
    expect(fieldErrors([{ code: 'sla.new_rule', field: 'data.name', message: 'Shared text.' }], tEn)).toEqual({
      name: 'Shared text.',
    });
  });
});

describe('service-level list', () => {
  it('lists policies in the order the matcher tries them', () => {
    const a = buildSlaPolicy({ id: 'b', order: 20 });
    const b = buildSlaPolicy({ id: 'a', order: 20 });
    const c = buildSlaPolicy({ id: 'c', order: 5 });
    expect(policiesInMatchOrder([a, b, c]).map((p) => p.id)).toEqual(['c', 'a', 'b']);
  });

  it('summarises a condition in words, and says when a policy applies to every ticket', () => {
    const labels = { type: { incident: 'Incident' }, priority: { 3: '3 – Moderate' } };
    expect(conditionSummary({ types: ['incident'], priorities: [3] }, tEn, labels, (id) => id)).toBe(
      'type is Incident; priority is 3 – Moderate',
    );
    expect(conditionSummary({}, tEn, labels, (id) => id)).toBe('no condition (applies to every ticket)');
  });

  it('formats targets and weekday hours', () => {
    expect([minutesText(15), minutesText(960), minutesText(90), minutesText(undefined)]).toEqual([
      '15 min',
      '16 h',
      '1 h 30 min',
      '—',
    ]);
    expect(weekHoursText([[], [{ start: 480, end: 960 }], [], [], [], [], [{ start: 0, end: 1440 }]])).toEqual([
      '',
      '08:00–16:00',
      '',
      '',
      '',
      '',
      '00:00–24:00',
    ]);
  });
});
