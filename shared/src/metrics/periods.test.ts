import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  periodFromOrdinal,
  periodKey,
  periodKeyer,
  periodOf,
  periodOrdinal,
  periodsBetween,
  type PeriodUnit,
} from './periods.js';

const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

describe('periods', () => {
  it('ISO 8601 weeks: Monday start, week 1 holds the first Thursday', () => {
    expect(periodKey(utc(2021, 1, 3), 'week', 0)).toBe('2020-W53'); // Sunday
    expect(periodKey(utc(2021, 1, 4), 'week', 0)).toBe('2021-W01'); // Monday
    expect(periodKey(utc(2025, 12, 29), 'week', 0)).toBe('2026-W01');
    expect(periodKey(utc(2024, 12, 30), 'week', 0)).toBe('2025-W01');
    expect(periodOf(utc(2026, 1, 1, 12), 'week', 0)).toEqual({ key: '2026-W01', start: utc(2025, 12, 29), end: utc(2026, 1, 5) });
  });

  it('day and month keys', () => {
    expect(periodKey(utc(2026, 2, 28, 23, 59), 'day', 0)).toBe('2026-02-28');
    expect(periodOf(utc(2024, 2, 10), 'month', 0)).toEqual({ key: '2024-02', start: utc(2024, 2, 1), end: utc(2024, 3, 1) });
  });

  it('the zone is an explicit UTC offset, never the machine zone', () => {
    const t = utc(2026, 1, 31, 23, 30);
    expect(periodKey(t, 'month', 0)).toBe('2026-01');
    expect(periodKey(t, 'month', 60)).toBe('2026-02'); // 00:30 on Feb 1 at UTC+1
    expect(periodKey(t, 'day', -300)).toBe('2026-01-31'); // 18:30 at UTC-5
    // A month at UTC+1 starts at 23:00 UTC the day before.
    expect(periodOf(t, 'month', 60)).toMatchObject({ start: utc(2026, 1, 31, 23), end: utc(2026, 2, 28, 23) });
    expect(() => periodKey(t, 'day', 0.5)).toThrow(RangeError);
  });

  it('periodsBetween lists every period overlapping [from, to)', () => {
    expect(periodsBetween(utc(2026, 1, 15), utc(2026, 3, 1), 'month', 0).map((p) => p.key)).toEqual(['2026-01', '2026-02']);
    expect(periodsBetween(utc(2026, 1, 15), utc(2026, 3, 1, 0, 1), 'month', 0)).toHaveLength(3);
    expect(periodsBetween(5, 5, 'day', 0)).toEqual([]);
  });

  const instant = fc.integer({ min: utc(1990, 1, 1), max: utc(2090, 1, 1) });
  const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
  const unit = fc.constantFrom<PeriodUnit>('day', 'week', 'month');

  it('property: an instant lies in its period, and periods tile the line', () => {
    fc.assert(
      fc.property(instant, offset, unit, (t, off, u) => {
        const p = periodOf(t, u, off);
        const next = periodFromOrdinal(periodOrdinal(t, u, off) + 1, u, off);
        expect(t >= p.start && t < p.end).toBe(true);
        expect(next.start).toBe(p.end);
        expect(periodKeyer(u, off)(t)).toBe(p.key);
      }),
    );
  });

  it('property: month ordinals agree with Date in the shifted zone', () => {
    fc.assert(
      fc.property(instant, offset, (t, off) => {
        const d = new Date(t + off * 60_000);
        expect(periodOrdinal(t, 'month', off)).toBe(d.getUTCFullYear() * 12 + d.getUTCMonth());
      }),
    );
  });
});
