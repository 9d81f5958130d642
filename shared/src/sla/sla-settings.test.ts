import { describe, expect, it } from 'vitest';
import { CALENDAR_TEMPLATES } from './business-calendar.js';
import { checkSlaSetting } from './sla-settings.js';
import { SLA_POLICY_TEMPLATES } from './sla-policy.js';
import { buildCalendar, buildSlaPolicy } from '../testing/build-sla.js';

describe('SLA settings validation', () => {
  it('accepts every shipped template', () => {
    const ids = CALENDAR_TEMPLATES.map((c) => c.id);
    for (const c of CALENDAR_TEMPLATES)
      expect(checkSlaSetting({ id: c.id, kind: 'sla_calendar', data: { ...c } }, ids)).toEqual([]);
    for (const p of SLA_POLICY_TEMPLATES)
      expect(checkSlaSetting({ id: p.id, kind: 'sla_policy', data: { ...p } }, ids)).toEqual([]);
  });

  it('rejects bad policies and calendars with actionable messages', () => {
    const negative = checkSlaSetting(
      { id: 'sla-test', kind: 'sla_policy', data: { ...buildSlaPolicy({ resolutionMinutes: -1 }) } },
      ['cal-test'],
    );
    expect(negative.map((v) => [v.code, v.field])).toEqual([['sla.policy.negative_target', 'data.resolutionMinutes']]);
    expect(negative[0]?.message).toContain('greater than zero');
    const missingCalendar = checkSlaSetting({ id: 'sla-test', kind: 'sla_policy', data: { ...buildSlaPolicy() } }, []);
    expect(missingCalendar.map((v) => v.code)).toEqual(['sla.policy.unknown_calendar']);
    const zone = checkSlaSetting(
      { id: 'cal-test', kind: 'sla_calendar', data: { ...buildCalendar({ timeZone: 'Nowhere/Else' }) } },
      [],
    );
    expect(zone.map((v) => v.code)).toEqual(['sla.calendar.unknown_time_zone']);
  });

  it('rejects forged or malformed content: extra fields, script in names of wrong type, id mismatch', () => {
    const extra = checkSlaSetting({ id: 'sla-test', kind: 'sla_policy', data: { ...buildSlaPolicy(), isAdmin: true } }, [
      'cal-test',
    ]);
    expect(extra[0]?.code).toBe('sla.setting.shape');
    const wrongType = checkSlaSetting(
      { id: 'cal-test', kind: 'sla_calendar', data: { ...buildCalendar(), versions: '<script>' } },
      [],
    );
    expect(wrongType[0]?.code).toBe('sla.setting.shape');
    const mismatch = checkSlaSetting({ id: 'other', kind: 'sla_policy', data: { ...buildSlaPolicy() } }, ['cal-test']);
    expect(mismatch.map((v) => v.code)).toEqual(['sla.setting.id_mismatch']);
  });
});
