/**
 * Descriptive statistics shared by every report.
 *
 * - mean: arithmetic mean (summed in ascending order, so the result does not depend on input order).
 * - percentile p (integer percent), nearest-rank: the ceil(p * n / 100)-th smallest value (1-based), an observed
 *   value, as SQL `percentile_disc(p / 100)` gives it. The median is the nearest-rank p50: for an even count it is
 *   the LOWER of the two middle values, not their average. p90 is the ceil(0.9 * n)-th smallest.
 * - Every statistic is `null` (not 0) when there are no values; a ratio is `null` when its denominator is 0.
 */

/** Mean, median (nearest-rank p50) and p90 (nearest-rank) of durations in milliseconds; nulls when empty. */
export interface DurationStats {
  count: number;
  meanMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
}

/** `numerator / denominator`, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** The 1-based nearest rank of the `percent`-th percentile in n values (n >= 1), exact in integer arithmetic. */
export function nearestRankIndex(n: number, percent: number): number {
  return Math.min(n, Math.max(1, Math.ceil((percent * n) / 100)));
}

/** The nearest-rank `percent`-th percentile of values sorted ascending; null when empty. */
export function nearestRank(sorted: ArrayLike<number>, percent: number): number | null {
  return sorted.length === 0 ? null : sorted[nearestRankIndex(sorted.length, percent) - 1];
}

/** Mean of the values, or null when there are none. */
export function mean(values: ArrayLike<number>): number | null {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length === 0 ? null : sum / values.length;
}

/** Count, mean, nearest-rank median and p90 of the values (in any order; they are copied and sorted). */
export function durationStats(values: ArrayLike<number>): DurationStats {
  const sorted = Float64Array.from(values).sort();
  return { count: sorted.length, meanMs: mean(sorted), medianMs: nearestRank(sorted, 50), p90Ms: nearestRank(sorted, 90) };
}

/** Rounds half away from zero to an integer, as SQL `round()` does (Math.round rounds -2.5 to -2). */
export function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}
