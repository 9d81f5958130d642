/**
 * Duration statistics (stats.ts definitions) for many groups at once, without sorting each group: the column is
 * sorted once (sorted-column.ts), then each grouping walks that order twice, so every group sees its values
 * ascending and picks its nearest ranks. Values are integer milliseconds, so sums, hence means, are exact whatever
 * the order. Rows with code -1 are left out.
 */
import type { SortedColumn } from './sorted-column.js';
import { nearestRankIndex, type DurationStats } from './stats.js';

/** Count, mean, nearest-rank median and p90 of a sorted column per group code (0..groups-1). */
export function groupedDurationStats(column: SortedColumn, codes: Int32Array, groups: number): DurationStats[] {
  const { order, sorted } = column;
  const count = new Int32Array(groups);
  const sum = new Float64Array(groups);
  for (let j = 0; j < order.length; j++) {
    const g = codes[order[j]];
    if (g < 0) continue;
    count[g]++;
    sum[g] += sorted[j];
  }
  const medianRank = new Int32Array(groups);
  const p90Rank = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    medianRank[g] = count[g] === 0 ? 0 : nearestRankIndex(count[g], 50);
    p90Rank[g] = count[g] === 0 ? 0 : nearestRankIndex(count[g], 90);
  }
  const median = new Float64Array(groups);
  const p90 = new Float64Array(groups);
  const seen = new Int32Array(groups);
  for (let j = 0; j < order.length; j++) {
    const g = codes[order[j]];
    if (g < 0) continue;
    const k = ++seen[g];
    if (k === medianRank[g]) median[g] = sorted[j];
    if (k === p90Rank[g]) p90[g] = sorted[j];
  }
  return Array.from({ length: groups }, (_, g): DurationStats => {
    const n = count[g];
    return n === 0
      ? { count: 0, meanMs: null, medianMs: null, p90Ms: null }
      : { count: n, meanMs: sum[g] / n, medianMs: median[g], p90Ms: p90[g] };
  });
}
