import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMs,
  businessMsBetween,
  calendarSpans,
  CALENDAR_TEMPLATES,
  withCalendarVersion,
  zoneOffsetMs,
  zonedInstant,
  type BusinessCalendar,
  type CalendarVersion,
  type WorkingInterval,
} from './business-calendar.js';
import {
  referenceAddBusinessMs,
  referenceBusinessMsBetween,
  referenceCalendarSpans,
  referenceZoneOffsetMs,
  referenceZonedInstant,
} from '../testing/business-calendar-reference.js';
import { buildCalendar } from '../testing/build-sla.js';

// The memoised offsets, day plans and per-year business-time index must give the day-walking reference's answers
// to the millisecond, on random calendars: zones with DST (and half-hour and no DST), holidays, exceptions,
// split and all-day hours, and a second version from a random date.
const H = 3_600_000;
const D = 24 * H;
const ZONES = [
  'America/Toronto',
  'America/St_Johns',
  'America/Regina',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/Havana',
  'Asia/Kolkata',
  'UTC',
];
const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2029, 0, 1) });
const minute = fc.integer({ min: 0, max: 1440 });

/** Up to three non-overlapping intervals of a day (sorted cut points, paired), sometimes the whole day. */
const dayHours: fc.Arbitrary<WorkingInterval[]> = fc.oneof(
  fc.constant<WorkingInterval[]>([{ start: 0, end: 1440 }]),
  fc.constant<WorkingInterval[]>([]),
  fc.uniqueArray(minute, { minLength: 2, maxLength: 6 }).map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const out: WorkingInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: sorted[i] ?? 0, end: sorted[i + 1] ?? 0 });
    return out;
  }),
);

const version: fc.Arbitrary<Omit<CalendarVersion, 'effectiveFrom'>> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  weekHours: fc.array(dayHours, { minLength: 7, maxLength: 7 }),
  holidaySource: fc.constantFrom(
    undefined,
    { country: 'CA', state: 'ON', types: ['public', 'optional'] },
    { country: 'CA', state: 'QC', types: ['public'] },
  ),
  exceptions: fc.array(
    fc.record({
      date: fc
        .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2029, 0, 1) })
        .map((t) => new Date(t).toISOString().slice(0, 10)),
      hours: dayHours,
      reason: fc.constantFrom('Snow day', 'Move'),
    }),
    { maxLength: 3 },
  ),
});

const calendar: fc.Arbitrary<BusinessCalendar> = fc
  .tuple(version, fc.option(fc.tuple(version, instant), { nil: undefined }))
  .map(([first, second]) => {
    const cal = buildCalendar({ ...first, effectiveFrom: 0 });
    return second ? withCalendarVersion(cal, { ...second[0], effectiveFrom: second[1] }) : cal;
  });

const allDay = [{ start: 0, end: 1440 }];
const samples = [
  ...CALENDAR_TEMPLATES,
  buildCalendar(),
  // Runs of whole working days broken by weekends, holidays and an exception (the index crosses such runs at once).
  buildCalendar({
    weekHours: [[], allDay, allDay, allDay, allDay, allDay, []],
    exceptions: [{ date: '2026-03-04', hours: [{ start: 600, end: 700 }], reason: 'Move' }],
  }),
  buildCalendar({ weekHours: Array.from({ length: 7 }, () => allDay), timeZone: 'America/St_Johns' }),
];

describe('business calendar fast path equals the day-walking reference', () => {
  it('zone offsets and wall-time instants equal Intl’s, to the millisecond, around DST changes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, fc.integer({ min: -2 * H, max: 2 * H }), (zone, t, jitter) => {
        expect(zoneOffsetMs(t + jitter, zone)).toBe(referenceZoneOffsetMs(t + jitter, zone));
      }),
      { numRuns: 400 },
    );
    // Every Toronto transition of 2026 to the millisecond either side.
    for (const t of [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6)]) {
      for (const x of [t - 1, t, t + 1])
        expect(zoneOffsetMs(x, 'America/Toronto')).toBe(referenceZoneOffsetMs(x, 'America/Toronto'));
    }
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, minute, (zone, t, m) => {
        const date = new Date(t).toISOString().slice(0, 10);
        expect(zonedInstant(date, m, zone)).toBe(referenceZonedInstant(date, m, zone));
      }),
      { numRuns: 300 },
    );
  });

  it('property: spans, business time and added business time equal the reference on random calendars', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 0, max: 60 * D }),
        fc.integer({ min: 1, max: 300 * H }),
        (cal, a, d, ms) => {
          expect(calendarSpans(cal, a, a + d)).toEqual(referenceCalendarSpans(cal, a, a + d));
          expect(businessMsBetween(cal, a, a + d)).toBe(referenceBusinessMsBetween(cal, a, a + d));
          expect(addBusinessMs(cal, a, ms)).toBe(referenceAddBusinessMs(cal, a, ms));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('property: the shipped templates and runs of whole working days agree with the reference over long ranges', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        instant,
        fc.integer({ min: 0, max: 800 * D }),
        fc.integer({ min: 1, max: 2000 * H }),
        (cal, a, d, ms) => {
          expect(calendarSpans(cal, a, a + d)).toEqual(referenceCalendarSpans(cal, a, a + d));
          expect(businessMsBetween(cal, a, a + d)).toBe(referenceBusinessMsBetween(cal, a, a + d));
          expect(addBusinessMs(cal, a, ms)).toBe(referenceAddBusinessMs(cal, a, ms));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a calendar with no working time finds no due time within the horizon, as the reference', () => {
    const closed = buildCalendar({ weekHours: Array.from({ length: 7 }, () => []) });
    const from = Date.UTC(2026, 0, 5);
    expect(addBusinessMs(closed, from, H)).toBeUndefined();
    expect(referenceAddBusinessMs(closed, from, H)).toBeUndefined();
    expect(businessMsBetween(closed, from, from + 30 * D)).toBe(0);
  });
});
