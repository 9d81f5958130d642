import { CALENDAR_TEMPLATES, checkSlaSetting, versionAt } from '@shared';
import { describe, expect, it } from 'vitest';
import { calendarWithNewVersion, parseDayHours, versionFormFrom } from './calendar-form.js';

const goc = CALENDAR_TEMPLATES.find((c) => c.id === 'cal-goc')!;
const NOW = Date.UTC(2026, 11, 6, 15);

describe('calendar new-version form', () => {
  it('starts from the newest version’s zone and hours, dated tomorrow', () => {
    const form = versionFormFrom(goc, NOW);
    expect(form.effectiveDate).toBe('2026-12-07');
    expect(form.timeZone).toBe(goc.versions[goc.versions.length - 1].timeZone);
    expect(form.hours[0]).toBe('');
    expect(form.hours[1]).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
  });

  it('reads typed hours, several per day, and closed days', () => {
    expect(parseDayHours('08:00-12:00, 13:00–17:00')).toEqual([
      { start: 480, end: 720 },
      { start: 780, end: 1020 },
    ]);
    expect(parseDayHours('  ')).toEqual([]);
  });

  it('appends a valid future version and keeps every earlier one (history is not rewritten)', () => {
    const form = {
      ...versionFormFrom(goc, NOW),
      effectiveDate: '2027-01-04',
      hours: ['', '07:00-19:00', '07:00-19:00', '07:00-19:00', '07:00-19:00', '07:00-19:00', ''],
    };
    const { calendar, violations } = calendarWithNewVersion(goc, form, NOW);
    expect(violations).toEqual([]);
    expect(calendar.versions.slice(0, goc.versions.length)).toEqual(goc.versions);
    expect(calendar.versions).toHaveLength(goc.versions.length + 1);
    expect(versionAt(calendar, Date.UTC(2027, 0, 5, 15)).weekHours[2]).toEqual([{ start: 420, end: 1140 }]);
    expect(versionAt(calendar, NOW)).toEqual(versionAt(goc, NOW));
    expect(
      checkSlaSetting({ id: calendar.id, kind: 'sla_calendar', data: calendar as unknown as Record<string, unknown> }, []),
    ).toEqual([]);
  });

  it('refuses a date not after today, an unknown time zone and unreadable or overlapping hours, on their fields', () => {
    const form = {
      effectiveDate: '2026-12-06',
      timeZone: 'Mars/Olympus',
      hours: ['', 'nine to five', '08:00-12:00, 11:00-13:00', '', '', '', ''],
    };
    const { violations } = calendarWithNewVersion(goc, form, NOW);
    expect(violations.map((v) => [v.code, v.field])).toEqual([
      ['sla.calendar.rewrites_history', 'effectiveDate'],
      ['sla.calendar.unknown_time_zone', 'timeZone'],
      ['sla.calendar.bad_hours', 'hours.1'],
      ['sla.calendar.overlapping_hours', 'hours.2'],
    ]);
  });

  it('refuses a malformed date', () => {
    const form = { ...versionFormFrom(goc, NOW), effectiveDate: '7 Jan' };
    expect(calendarWithNewVersion(goc, form, NOW).violations.map((v) => v.code)).toContain('sla.calendar.bad_date');
  });
});
