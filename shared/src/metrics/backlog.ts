/**
 * Backlog at an instant `at` (typically a period end, exclusive): tickets created before `at` (createdAt < at)
 * that are not in a done state (resolved or closed) at `at`, judged by the ticket's done toggles (status_change
 * events, see ticket-facts.ts), not only its current status: a toggle counts when its time is < at. So a ticket
 * resolved then reopened before `at` is in the backlog, and a ticket resolved only after `at` still was.
 *
 * Age = at - createdAt, in buckets [0, 1 d), [1 d, 3 d), [3 d, 7 d), [7 d, 30 d), [30 d, ∞): a ticket exactly
 * 3 days old falls in '3-7d'. meanAgeMs is null when the backlog is empty.
 */
import type { FactsTable } from './facts-table.js';
import { periodsBetween } from './periods.js';
import type { PeriodOptions } from './period-rows.js';

const DAY = 86_400_000;
const LIMITS = [DAY, 3 * DAY, 7 * DAY, 30 * DAY];

/** Backlog age buckets: [0, 1 d), [1 d, 3 d), [3 d, 7 d), [7 d, 30 d), [30 d, ∞). */
export const BACKLOG_AGE_BUCKETS = ['<1d', '1-3d', '3-7d', '7-30d', '>30d'] as const;
export type BacklogAgeBucket = (typeof BACKLOG_AGE_BUCKETS)[number];

/** The open tickets at one instant, with their age distribution. */
export interface BacklogSnapshot {
  at: number;
  count: number;
  meanAgeMs: number | null;
  ages: Record<BacklogAgeBucket, number>;
}

/** True when row `row` had been created and was not resolved or closed at instant `at`. */
export function isOpenAt(table: FactsTable, row: number, at: number): boolean {
  if (!(table.createdAt[row] < at)) return false;
  const { toggles, toggleOffsets } = table;
  let k = toggleOffsets[row];
  const end = toggleOffsets[row + 1];
  while (k < end && toggles[k] < at) k++;
  return (k - toggleOffsets[row]) % 2 === 0;
}

/** The index in BACKLOG_AGE_BUCKETS of a ticket aged `ageMs`. */
export function ageBucketIndex(ageMs: number): number {
  let b = 0;
  while (b < LIMITS.length && ageMs >= LIMITS[b]) b++;
  return b;
}

const lastMask = new WeakMap<FactsTable, { at: number; open: Uint8Array }>();

/** 1 for the rows open at `at`; the last instant's mask is kept per table, as breakdowns ask for it repeatedly. */
export function openMask(table: FactsTable, at: number): Uint8Array {
  const last = lastMask.get(table);
  if (last && last.at === at) return last.open;
  const open = new Uint8Array(table.createdAt.length);
  for (let r = 0; r < open.length; r++) open[r] = isOpenAt(table, r, at) ? 1 : 0;
  lastMask.set(table, { at, open });
  return open;
}

/** Backlog snapshots at instant `at` per group code (0..groups-1; -1 leaves a row out). */
export function backlogByCode(table: FactsTable, codes: Int32Array, groups: number, at: number): BacklogSnapshot[] {
  const count = new Int32Array(groups);
  const ageSum = new Float64Array(groups);
  const buckets = new Int32Array(groups * 5);
  const open = openMask(table, at);
  for (let r = 0; r < open.length; r++) {
    const g = codes[r];
    if (g < 0 || open[r] === 0) continue;
    const age = at - table.createdAt[r];
    count[g]++;
    ageSum[g] += age;
    buckets[g * 5 + ageBucketIndex(age)]++;
  }
  return Array.from({ length: groups }, (_, g) => snapshot(at, count[g], ageSum[g], buckets.subarray(g * 5, g * 5 + 5)));
}

function snapshot(at: number, count: number, ageSum: number, buckets: Int32Array): BacklogSnapshot {
  const ages = Object.fromEntries(BACKLOG_AGE_BUCKETS.map((name, b) => [name, buckets[b]])) as Record<BacklogAgeBucket, number>;
  return { at, count, meanAgeMs: count === 0 ? null : ageSum / count, ages };
}

/** The backlog of all tickets at instant `at`. */
export function backlogAt(table: FactsTable, at: number): BacklogSnapshot {
  return backlogByCode(table, new Int32Array(table.createdAt.length), 1, at)[0];
}

/** The backlog of all tickets at each instant of `ends` (ascending), in one pass over the tickets. */
export function backlogAtEach(table: FactsTable, ends: readonly number[]): BacklogSnapshot[] {
  const p = ends.length;
  const count = new Int32Array(p);
  const ageSum = new Float64Array(p);
  const buckets = new Int32Array(p * 5);
  const { createdAt, toggles, toggleOffsets } = table;
  for (let r = 0; r < createdAt.length; r++) {
    const c = createdAt[r];
    let t = toggleOffsets[r];
    const tEnd = toggleOffsets[r + 1];
    for (let k = 0; k < p; k++) {
      const at = ends[k];
      if (!(c < at)) continue;
      while (t < tEnd && toggles[t] < at) t++;
      if ((t - toggleOffsets[r]) % 2 !== 0) continue;
      count[k]++;
      ageSum[k] += at - c;
      buckets[k * 5 + ageBucketIndex(at - c)]++;
    }
  }
  return ends.map((at, k) => snapshot(at, count[k], ageSum[k], buckets.subarray(k * 5, k * 5 + 5)));
}

/** The backlog of all tickets at the end of each period in [from, to), the last one capped at `to`. */
export function backlogSeries(table: FactsTable, options: PeriodOptions): BacklogSnapshot[] {
  const { from, to, unit, offsetMinutes } = options;
  return backlogAtEach(
    table,
    periodsBetween(from, to, unit, offsetMinutes).map((period) => Math.min(period.end, to)),
  );
}
