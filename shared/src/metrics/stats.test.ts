import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by.js';
import { groupedDurationStats } from './grouped-stats.js';
import { sortColumn } from './sorted-column.js';
import { durationStats, nearestRank, roundHalfAwayFromZero } from './stats.js';

describe('statistics', () => {
  it('nearest-rank percentiles, by hand', () => {
    // 1..10: median = ceil(5)th = 5 (the lower middle, not 5.5); p90 = 9th = 9.
    expect(durationStats([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ count: 10, meanMs: 5.5, medianMs: 5, p90Ms: 9 });
    // 70 values: p90 = 63rd (0.9 * 70 is 63.000000000000014 in floating point: must not give 64).
    expect(
      nearestRank(
        Array.from({ length: 70 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(63);
    expect(durationStats([7])).toEqual({ count: 1, meanMs: 7, medianMs: 7, p90Ms: 7 });
    expect(durationStats([])).toEqual({ count: 0, meanMs: null, medianMs: null, p90Ms: null });
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
  });

  it('sortColumn: radix path on integer milliseconds, ties in row order', () => {
    const { order, sorted } = sortColumn(Float64Array.from([5, NaN, 2 ** 40, 3, 5, 0]));
    expect([...order]).toEqual([5, 3, 0, 4, 2]);
    expect([...sorted]).toEqual([0, 3, 5, 5, 2 ** 40]);
  });

  it('property: sortColumn orders rows by value then row, leaving out NaN, on both of its paths', () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 2 ** 40 }),
      fc.integer({ min: 0, max: 3000 }),
      fc.constant(NaN),
      fc.double({ min: -5, max: 5, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (list) => {
        const expected = list
          .map((v, row) => ({ v, row }))
          .filter(({ v }) => !Number.isNaN(v))
          .sort((a, b) => a.v - b.v || a.row - b.row);
        const { order, sorted } = sortColumn(Float64Array.from(list));
        expect([...order]).toEqual(expected.map((e) => e.row));
        expect([...sorted]).toEqual(expected.map((e) => e.v));
      }),
    );
  });

  it('property: grouped stats equal the stats of each group computed alone', () => {
    const rows = fc.array(
      fc.record({ g: fc.integer({ min: -1, max: 4 }), v: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: undefined }) }),
      {
        maxLength: 400,
      },
    );
    fc.assert(
      fc.property(rows, (list) => {
        const values = Float64Array.from(list, (r) => r.v ?? NaN);
        const codes = Int32Array.from(list, (r) => r.g);
        const stats = groupedDurationStats(sortColumn(values), codes, 5);
        const groups = groupBy(
          list.filter((r) => r.g >= 0 && r.v !== undefined),
          (r) => String(r.g),
        );
        for (let g = 0; g < 5; g++) expect(stats[g]).toEqual(durationStats((groups.get(String(g)) ?? []).map((r) => r.v!)));
      }),
    );
  });
});
