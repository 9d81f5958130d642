/**
 * Period rows: items bucketed by the period their time falls in, for every period overlapping [from, to), empty
 * periods included, so a chart's series has no gaps. Items with a time outside [from, to) are left out.
 */
import { periodOrdinal, periodsBetween, type Period, type PeriodUnit } from './periods.js';

/** Which periods to report: unit, zone (UTC offset in minutes) and the [from, to) range in epoch ms. */
export interface PeriodOptions {
  unit: PeriodUnit;
  offsetMinutes: number;
  from: number;
  to: number;
}

/** A period with the number of items that fell in it and their metrics. */
export interface PeriodRow<M> extends Period {
  count: number;
  metrics: M;
}

/** Each time's period slot: 0 for the period holding `from`, 1 for the next...; -1 outside [from, to). */
export function periodSlots(times: ArrayLike<number>, options: PeriodOptions): Int32Array {
  const { unit, offsetMinutes, from, to } = options;
  const first = periodOrdinal(from, unit, offsetMinutes);
  const slots = new Int32Array(times.length);
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    slots[i] = t >= from && t < to ? periodOrdinal(t, unit, offsetMinutes) - first : -1;
  }
  return slots;
}

/** Summarises items per period of their time, as rows for every period in [from, to). */
export function summarizeByPeriod<T, M>(
  items: readonly T[],
  time: (item: T) => number,
  options: PeriodOptions,
  summarize: (bucket: T[], period: Period) => M,
): PeriodRow<M>[] {
  const periods = periodsBetween(options.from, options.to, options.unit, options.offsetMinutes);
  const slots = periodSlots(items.map(time), options);
  const buckets = periods.map((): T[] => []);
  for (let i = 0; i < items.length; i++) if (slots[i] >= 0) buckets[slots[i]].push(items[i]);
  return periods.map((p, i) => ({ ...p, count: buckets[i].length, metrics: summarize(buckets[i], p) }));
}
