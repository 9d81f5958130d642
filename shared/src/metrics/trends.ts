/**
 * Trends: how often each key (category, caller, affected item, ...) occurs per period, with the change against
 * the previous period (week-over-week with unit 'week', month-over-month with unit 'month').
 *
 * - count: items with that key whose time falls in the period. The first period is compared with the period just
 *   before `from` (counted from the data too), so every point has a previous value.
 * - change = count - previous; changePct = 100 * change / previous, null when previous is 0.
 * - highlight when |change| >= minChange (default 5 tickets) AND |changePct| >= thresholdPct (default 25); a rise
 *   from 0 (changePct null) counts as past any percentage, so 0 -> 7 is highlighted, 0 -> 3 is not. A period the
 *   range [from, to) cuts (the current one, say) is `partial`: a fall there is never highlighted.
 * - Series are sorted by total (sum of the counts in [from, to)) descending, then key; `minTotal` (default 1)
 *   keeps only keys seen at least that often ("recurring"), `top` keeps the first N.
 */
import { encodeKeys, type EncodedKeys } from './group-by.js';
import type { PeriodOptions } from './period-rows.js';
import { periodFromOrdinal, periodOrdinal } from './periods.js';

/** Highlight thresholds of a change between two periods. */
export interface ChangeThresholds {
  thresholdPct?: number;
  minChange?: number;
}

/** Trend options: the periods, the highlight thresholds and which series to keep. */
export interface TrendOptions extends PeriodOptions, ChangeThresholds {
  minTotal?: number;
  top?: number;
}

/** The change between a period's count and the previous period's. */
export interface PeriodChange {
  previous: number;
  change: number;
  changePct: number | null;
  highlight: boolean;
}

/** One period of a trend series. */
export interface TrendPoint extends PeriodChange {
  period: string;
  start: number;
  end: number;
  count: number;
  /** The report's range cuts this period (the current week, say): it holds only part of its tickets. */
  partial: boolean;
}

/** The per-period counts of one key. */
export interface TrendSeries {
  key: string;
  total: number;
  points: TrendPoint[];
}

/** Absolute and percent change from `previous` to `current`, flagged when past both thresholds. */
export function periodChange(current: number, previous: number, thresholds: ChangeThresholds = {}): PeriodChange {
  const { thresholdPct = 25, minChange = 5 } = thresholds;
  const change = current - previous;
  const changePct = previous === 0 ? null : (100 * change) / previous;
  const highlight = Math.abs(change) >= minChange && (changePct === null || Math.abs(changePct) >= thresholdPct);
  return { previous, change, changePct, highlight };
}

/** Per-period counts of `key(item)` by `time(item)`, with period-over-period changes and highlights. */
export function trendBy<T>(
  items: readonly T[],
  key: (item: T) => string,
  time: (item: T) => number,
  options: TrendOptions,
): TrendSeries[] {
  return trendByEncoded(encodeKeys(items, key), trendSlots(items.map(time), options), options);
}

/** Each time's column: 0 for the period before `from` (the baseline), i + 1 for period i, -1 outside. */
export function trendSlots(times: ArrayLike<number>, options: PeriodOptions): Int32Array {
  const { unit, offsetMinutes, from, to } = options;
  const first = periodOrdinal(from, unit, offsetMinutes);
  const baselineFrom = periodFromOrdinal(first - 1, unit, offsetMinutes).start;
  const slots = new Int32Array(times.length);
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    slots[i] = !(t >= baselineFrom && t < to) ? -1 : t < from ? 0 : periodOrdinal(t, unit, offsetMinutes) - first + 1;
  }
  return slots;
}

/** The same as trendBy, from keys already encoded and trendSlots (both reusable across reports). */
export function trendByEncoded(encoded: EncodedKeys, slots: Int32Array, options: TrendOptions): TrendSeries[] {
  const { unit, offsetMinutes, from, to } = options;
  if (!(to > from)) return [];
  const first = periodOrdinal(from, unit, offsetMinutes);
  const width = periodOrdinal(to - 1, unit, offsetMinutes) - first + 2;
  // Row g holds key g's counts: column 0 is the baseline period, column i + 1 is period i.
  const counts = new Int32Array(encoded.keys.length * width);
  for (let i = 0; i < slots.length; i++) if (slots[i] >= 0) counts[encoded.codes[i] * width + slots[i]]++;
  const totals = new Int32Array(encoded.keys.length);
  for (let g = 0; g < totals.length; g++) for (let i = 1; i < width; i++) totals[g] += counts[g * width + i];
  const minTotal = options.minTotal ?? 1;
  const kept = encoded.keys.map((_, g) => g).filter((g) => totals[g] >= minTotal);
  const keys = encoded.keys;
  kept.sort((a, b) => totals[b] - totals[a] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const periods = Array.from({ length: width - 1 }, (_, i) => periodFromOrdinal(first + i, unit, offsetMinutes));
  return kept.slice(0, options.top ?? kept.length).map((g) => ({
    key: encoded.keys[g],
    total: totals[g],
    points: periods.map((p, i) => {
      const count = counts[g * width + i + 1];
      const partial = p.start < from || p.end > to;
      const change = periodChange(count, counts[g * width + i], options);
      // A fall in a cut period is the cut, not a trend; a rise there is real already.
      const highlight = change.highlight && !(partial && change.change < 0);
      return { period: p.key, start: p.start, end: p.end, count, partial, ...change, highlight };
    }),
  }));
}
