import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMs,
  businessMsBetween,
  calendarSpans,
  CALENDAR_TEMPLATES,
  calendarHistoryViolations,
  newVersionViolations,
  nextWorkingInstant,
  validateCalendar,
  withCalendarVersion,
  zonedInstant,
} from './business-calendar.js';
import { buildCalendar } from '../testing/build-sla.js';

const H = 3_600_000;
const toronto = (date: string, hhmm: string): number =>
  zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), 'America/Toronto');
const allDayToronto = buildCalendar({
  weekHours: Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]),
  holidaySource: undefined,
});

describe('business calendar', () => {
  it('converts Toronto wall times across daylight saving (EST -5, EDT -4)', () => {
    expect(new Date(toronto('2026-01-15', '08:00')).toISOString()).toBe('2026-01-15T13:00:00.000Z');
    expect(new Date(toronto('2026-07-15', '08:00')).toISOString()).toBe('2026-07-15T12:00:00.000Z');
    // 02:30 does not exist on 8 March 2026: shifted forward by the gap, to 03:30 EDT (as Temporal's 'compatible').
    expect(new Date(toronto('2026-03-08', '02:30')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('counts 23 h on the spring-forward day and 25 h on the fall-back day', () => {
    expect(businessMsBetween(allDayToronto, toronto('2026-03-08', '00:00'), toronto('2026-03-09', '00:00'))).toBe(23 * H);
    expect(businessMsBetween(allDayToronto, toronto('2026-11-01', '00:00'), toronto('2026-11-02', '00:00'))).toBe(25 * H);
  });

  it('skips Good Friday, the weekend and Easter Monday from the library (Government of Canada template)', () => {
    const goc = CALENDAR_TEMPLATES.find((c) => c.id === 'cal-goc');
    if (!goc) throw new Error('template missing');
    const start = toronto('2026-04-02', '15:00');
    // 1 h Thursday, then nothing until Tuesday 08:00: 8 h Tuesday and 7 h Wednesday.
    expect(new Date(addBusinessMs(goc, start, 16 * H) ?? 0).toISOString()).toBe(
      new Date(toronto('2026-04-08', '15:00')).toISOString(),
    );
    const spans = calendarSpans(goc, start, toronto('2026-04-07', '09:00'));
    expect(spans.some((s) => s.reason === 'holiday' && s.label === 'Good Friday')).toBe(true);
    expect(spans.some((s) => s.reason === 'holiday' && s.label === 'Easter Monday')).toBe(true);
  });

  it('an exception closes a day with its reason', () => {
    const cal = buildCalendar({ exceptions: [{ date: '2026-01-14', hours: [], reason: 'Snow day' }] });
    expect(businessMsBetween(cal, toronto('2026-01-14', '00:00'), toronto('2026-01-15', '00:00'))).toBe(0);
    expect(calendarSpans(cal, toronto('2026-01-14', '09:00'), toronto('2026-01-14', '10:00'))[0]).toMatchObject({
      working: false,
      reason: 'exception',
      label: 'Snow day',
    });
  });

  it('a new version applies from its effective date and never rewrites earlier days', () => {
    const cal = buildCalendar();
    const monday = toronto('2026-01-12', '00:00');
    const before = businessMsBetween(cal, monday, monday + 7 * 24 * H);
    const changed = withCalendarVersion(cal, {
      ...cal.versions[0],
      effectiveFrom: monday + 7 * 24 * H,
      weekHours: Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]),
    });
    expect(businessMsBetween(changed, monday, monday + 7 * 24 * H)).toBe(before);
    expect(businessMsBetween(changed, monday + 7 * 24 * H, monday + 8 * 24 * H)).toBe(24 * H);
  });

  it('escalations wait for the next working instant: midnight Saturday → Monday 08:00', () => {
    const cal = buildCalendar();
    expect(nextWorkingInstant(cal, toronto('2026-01-17', '00:00'))).toBe(toronto('2026-01-19', '08:00'));
  });

  it('rejects overlapping hours, unknown time zones and unknown holiday sources with codes', () => {
    const bad = buildCalendar({
      timeZone: 'Mars/Olympus',
      weekHours: [
        [],
        [
          { start: 480, end: 720 },
          { start: 700, end: 960 },
        ],
        [],
        [],
        [],
        [],
        [{ start: 900, end: 800 }],
      ],
      holidaySource: { country: 'XX', types: ['public'] },
    });
    expect(
      validateCalendar(bad)
        .map((v) => v.code)
        .sort(),
    ).toEqual([
      'sla.calendar.bad_hours',
      'sla.calendar.overlapping_hours',
      'sla.calendar.unknown_holiday_source',
      'sla.calendar.unknown_time_zone',
    ]);
    for (const template of CALENDAR_TEMPLATES) expect(validateCalendar(template)).toEqual([]);
  });

  const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) });
  const cal = buildCalendar();

  it('property: business time is additive over any split point (DST, weekends, holidays)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 24 * H }), fc.integer({ min: 0, max: 40 * 24 * H }), (a, d1, d2) => {
        const b = a + d1;
        const c = b + d2;
        expect(businessMsBetween(cal, a, c)).toBe(businessMsBetween(cal, a, b) + businessMsBetween(cal, b, c));
      }),
      { numRuns: 150 },
    );
  });

  it('property: adding business time then measuring it gives it back, and never lands outside hours', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 200 * H }), (a, ms) => {
        const due = addBusinessMs(cal, a, ms);
        expect(due).toBeDefined();
        expect(businessMsBetween(cal, a, due ?? a)).toBe(ms);
        expect(businessMsBetween(cal, (due ?? a) - 1, due ?? a)).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  it('property: a 24x7 calendar in Toronto counts wall-clock time exactly, whatever the DST change', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 * 24 * H }), (a, d) => {
        expect(businessMsBetween(allDayToronto, a, a + d)).toBe(d);
      }),
      { numRuns: 100 },
    );
  });
});

describe('newVersionViolations', () => {
  const calendar = { id: 'c', name: 'C', versions: [{ ...CALENDAR_TEMPLATES[0].versions[0], effectiveFrom: 1_000 }] };
  it('accepts a version after now and after the latest one, and refuses one that would recount the past', () => {
    expect(newVersionViolations(calendar, 5_000, 2_000)).toEqual([]);
    expect(newVersionViolations(calendar, 1_500, 2_000).map((v) => v.code)).toEqual(['sla.calendar.rewrites_history']);
    expect(newVersionViolations(calendar, 900, 0).map((v) => v.code)).toEqual(['sla.calendar.rewrites_history']);
  });
});

describe('calendarHistoryViolations', () => {
  const v0 = { ...CALENDAR_TEMPLATES[0].versions[0], effectiveFrom: 1_000 };
  const stored = { id: 'c', name: 'C', versions: [v0] };
  it('keeps versions in effect as they are and lets only future versions be added or changed', () => {
    const later = { ...v0, effectiveFrom: 5_000, timeZone: 'America/Toronto' };
    expect(calendarHistoryViolations(stored, { ...stored, versions: [v0, later] }, 2_000)).toEqual([]);
    expect(calendarHistoryViolations(stored, { ...stored, name: 'Renamed' }, 2_000)).toEqual([]);
    // The same version with its keys in another order (as PostgreSQL's jsonb returns them) is the same version.
    const reordered = Object.fromEntries(Object.entries(v0).reverse()) as typeof v0;
    expect(calendarHistoryViolations(stored, { ...stored, versions: [reordered] }, 2_000)).toEqual([]);
    // Changing or dropping a version in effect, or adding one that starts in the past, recounts time.
    const rewritten = { ...stored, versions: [{ ...v0, timeZone: 'America/Toronto' }] };
    expect(calendarHistoryViolations(stored, rewritten, 2_000).map((v) => v.code)).toEqual(['sla.calendar.rewrites_history']);
    expect(calendarHistoryViolations(stored, { ...stored, versions: [later] }, 2_000)).toHaveLength(1);
    expect(
      calendarHistoryViolations(stored, { ...stored, versions: [v0, { ...later, effectiveFrom: 1_500 }] }, 2_000),
    ).toHaveLength(1);
    // A version not yet in effect may still be changed.
    const planned = { ...stored, versions: [v0, later] };
    expect(calendarHistoryViolations(planned, { ...stored, versions: [v0, { ...later, effectiveFrom: 6_000 }] }, 2_000)).toEqual(
      [],
    );
  });
});
