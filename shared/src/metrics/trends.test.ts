import { describe, expect, it } from 'vitest';
import { AS_OF, TICKETS, at } from './__fixtures__/hand-built.js';
import { TICKET_DIMENSIONS } from './ticket-dimensions.js';
import { periodChange, trendBy } from './trends.js';

describe('trends', () => {
  it('categories month over month, December as the baseline of January', () => {
    // Created per month: Dec c3 (t10); Jan c1 t1 t3 t5 t7 t9, c2 t2 t4, c3 t6; Feb c2 t8.
    const series = trendBy(TICKETS, TICKET_DIMENSIONS.category, (t) => t.createdAt, {
      unit: 'month',
      offsetMinutes: 0,
      from: at(1, 1),
      to: AS_OF,
    });
    expect(series.map((s) => [s.key, s.total])).toEqual([
      ['c1', 5],
      ['c2', 3],
      ['c3', 1],
    ]);
    const [c1, c2, c3] = series.map((s) =>
      s.points.map(({ period, count, previous, change, changePct, highlight }) => ({
        period,
        count,
        previous,
        change,
        changePct,
        highlight,
      })),
    );
    // c1: 0 -> 5 (rise from 0: percent null, 5 tickets: highlighted), 5 -> 0 (-100 %) in February, which the report
    // cuts on the 15th: half a month, so the fall is not flagged.
    expect(c1).toEqual([
      { period: '2026-01', count: 5, previous: 0, change: 5, changePct: null, highlight: true },
      { period: '2026-02', count: 0, previous: 5, change: -5, changePct: -100, highlight: false },
    ]);
    expect(series[0].points.map((p) => p.partial)).toEqual([false, true]);
    // c2: 0 -> 2 (too few), 2 -> 1 (-50 % but 1 ticket).
    expect(c2.map((p) => [p.change, p.changePct, p.highlight])).toEqual([
      [2, null, false],
      [-1, -50, false],
    ]);
    // c3: December's 1 -> 1 (0 %), 1 -> 0.
    expect(c3.map((p) => [p.previous, p.change, p.changePct, p.highlight])).toEqual([
      [1, 0, 0, false],
      [1, -1, -100, false],
    ]);
  });

  it('a fall over a whole period is flagged, the same fall in a period the range cuts is not', () => {
    const options = { unit: 'month' as const, offsetMinutes: 0, from: at(1, 1) };
    const whole = trendBy(TICKETS, TICKET_DIMENSIONS.category, (t) => t.createdAt, { ...options, to: at(3, 1) });
    const feb = whole.find((s) => s.key === 'c1')?.points[1];
    expect(feb).toMatchObject({ period: '2026-02', change: -5, partial: false, highlight: true });
  });

  it('recurring callers week over week: minTotal and top', () => {
    // k1 has t1 (W01), t3 (W02), t9 (W03), t5 (W04), t7 (W04): 5 tickets in January.
    const callers = trendBy(TICKETS, TICKET_DIMENSIONS.caller, (t) => t.createdAt, {
      unit: 'week',
      offsetMinutes: 0,
      from: at(1, 1),
      to: at(2, 1),
      minTotal: 3,
    });
    expect(callers.map((s) => [s.key, s.total])).toEqual([['k1', 5]]);
    expect(callers[0].points.map((p) => [p.period, p.count])).toEqual([
      ['2026-W01', 1],
      ['2026-W02', 1],
      ['2026-W03', 1],
      ['2026-W04', 2],
      ['2026-W05', 0],
    ]);
    expect(
      trendBy(TICKETS, TICKET_DIMENSIONS.caller, (t) => t.createdAt, {
        unit: 'week',
        offsetMinutes: 0,
        from: at(1, 1),
        to: at(2, 1),
        top: 1,
      }),
    ).toHaveLength(1);
  });

  it('an affected item given by a key function', () => {
    const item = (t: { title: string }) => (t.title.endsWith('1') ? 'PRN-01' : 'other');
    const series = trendBy(TICKETS, item, (t) => t.createdAt, { unit: 'month', offsetMinutes: 0, from: at(0, 1), to: AS_OF });
    // t1 and t10 have titles ending in 1 ("Ticket t1", "Ticket t10" ends in 0): only t1.
    expect(series.find((s) => s.key === 'PRN-01')?.total).toBe(1);
  });

  it('highlights need both the percent and the absolute thresholds', () => {
    expect(periodChange(10, 8)).toEqual({ previous: 8, change: 2, changePct: 25, highlight: false });
    expect(periodChange(20, 15).highlight).toBe(true); // +5, +33 %
    expect(periodChange(100, 90).highlight).toBe(false); // +10 but +11 %
    expect(periodChange(0, 0)).toEqual({ previous: 0, change: 0, changePct: null, highlight: false });
    expect(periodChange(3, 0).highlight).toBe(false);
    expect(periodChange(12, 10, { thresholdPct: 10, minChange: 2 }).highlight).toBe(true);
  });
});
