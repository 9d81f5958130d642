import { CALENDAR_TEMPLATES, checkSlaSetting, versionAt } from '@shared';
import { describe, expect, it } from 'vitest';
import {
  calendarWithNewVersion,
  parseDayHours,
  versionFormFrom,
  withExceptionRow,
  withoutExceptionRow,
} from './calendar-form.js';

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
      exceptions: [],
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

  it('adds and removes exception days in the new version, in date order, and earlier versions keep theirs', () => {
    let form = { ...versionFormFrom(goc, NOW), effectiveDate: '2027-01-04' };
    expect(form.exceptions).toEqual([]);
    form = withExceptionRow(withExceptionRow(form));
    expect(form.exceptions[0]).toEqual({ date: '2027-01-04', hours: '', reason: '' });
    form.exceptions = [
      { date: '2027-03-05', hours: '10:00-14:00', reason: 'Short day' },
      { date: '2027-02-01', hours: '', reason: 'Office move' },
    ];
    const { calendar, violations } = calendarWithNewVersion(goc, form, NOW);
    expect(violations).toEqual([]);
    const added = calendar.versions[calendar.versions.length - 1];
    expect(added.exceptions).toEqual([
      { date: '2027-02-01', hours: [], reason: 'Office move' },
      { date: '2027-03-05', hours: [{ start: 600, end: 840 }], reason: 'Short day' },
    ]);
    expect(calendar.versions.slice(0, goc.versions.length)).toEqual(goc.versions);
    // The next version starts from this one's days still ahead, shown as typed.
    expect(versionFormFrom(calendar, NOW).exceptions).toEqual([
      { date: '2027-02-01', hours: '', reason: 'Office move' },
      { date: '2027-03-05', hours: '10:00–14:00', reason: 'Short day' },
    ]);
    expect(withoutExceptionRow(form, 0).exceptions.map((e) => e.date)).toEqual(['2027-02-01']);
  });

  it('names the row of a bad exception day, in the order typed', () => {
    const form = {
      ...versionFormFrom(goc, NOW),
      effectiveDate: '2027-01-04',
      exceptions: [
        { date: '2027-03-05', hours: '', reason: 'a' },
        { date: '2026-12-25', hours: '', reason: 'before' },
        { date: '2027-04-01', hours: 'noon', reason: 'c' },
      ],
    };
    expect(calendarWithNewVersion(goc, form, NOW).violations.map((v) => [v.code, v.field])).toEqual([
      ['sla.calendar.exception_before_version', 'exceptions.1.date'],
      ['sla.calendar.bad_hours', 'exceptions.2.hours'],
    ]);
  });
});
