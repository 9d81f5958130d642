import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../testing/build-sla.js';
import { businessMsBetween, versionAt, withCalendarVersion, zonedInstant } from './business-calendar.js';
import { isCalendarDate, versionExceptionViolations, withCalendarException } from './calendar-exceptions.js';

const NOW = Date.UTC(2026, 11, 7, 15);
const ZONE = 'America/Toronto';
const base = buildCalendar();
/** A version from 2027-01-04 with the given exception days. */
const versionWith = (exceptions: { date: string; hours: { start: number; end: number }[]; reason: string }[]) => ({
  ...base.versions[0],
  effectiveFrom: zonedInstant('2027-01-04', 0, ZONE),
  exceptions,
});

describe('calendar exception days', () => {
  it('an added closed day is a holiday from the version on, and earlier days keep their hours', () => {
    const closed = withCalendarException([], { date: '2027-01-08', hours: [], reason: '  Snow day ' });
    expect(closed).toEqual([{ date: '2027-01-08', hours: [], reason: 'Snow day' }]);
    const version = versionWith(closed);
    expect(versionExceptionViolations(version, NOW)).toEqual([]);
    const calendar = withCalendarVersion(base, version);
    const day = (date: string) => businessMsBetween(calendar, zonedInstant(date, 0, ZONE), zonedInstant(date, 1440, ZONE));
    expect(day('2027-01-08')).toBe(0);
    expect(day('2027-01-07')).toBe(8 * 3_600_000);
    expect(versionAt(calendar, zonedInstant('2027-01-01', 720, ZONE))).toBe(base.versions[0]);
  });

  it('a day with hours overrides a library holiday (a worked holiday), and days stay in date order', () => {
    const list = withCalendarException(
      withCalendarException([], { date: '2027-07-01', hours: [{ start: 600, end: 840 }], reason: 'Canada Day, open' }),
      { date: '2027-02-15', hours: [], reason: 'Closed' },
    );
    expect(list.map((e) => e.date)).toEqual(['2027-02-15', '2027-07-01']);
    const calendar = withCalendarVersion(base, versionWith(list));
    const july1 = businessMsBetween(calendar, zonedInstant('2027-07-01', 0, ZONE), zonedInstant('2027-07-01', 1440, ZONE));
    expect(july1).toBe(4 * 3_600_000);
  });

  it('refuses a day that is not a date, the same day twice, a day before the version and one years ahead', () => {
    expect(isCalendarDate('2027-02-30')).toBe(false);
    expect(isCalendarDate('2027-02-28')).toBe(true);
    const version = versionWith([
      { date: '2027-02-30', hours: [], reason: 'x' },
      { date: '2027-03-01', hours: [], reason: 'a' },
      { date: '2027-03-01', hours: [], reason: 'b' },
      { date: '2027-01-03', hours: [], reason: 'before' },
      { date: '9999-12-31', hours: [], reason: '<script>alert(1)</script>' },
    ]);
    expect(versionExceptionViolations(version, NOW)).toEqual([
      { code: 'sla.calendar.bad_date', field: 'exceptions.0.date' },
      { code: 'sla.calendar.duplicate_exception', field: 'exceptions.2.date' },
      { code: 'sla.calendar.exception_before_version', field: 'exceptions.3.date' },
      { code: 'sla.calendar.exception_too_far', field: 'exceptions.4.date' },
    ]);
  });
});
