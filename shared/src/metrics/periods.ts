/**
 * Calendar periods (day, ISO week, month) in a time zone given as an explicit UTC offset in minutes, so results
 * never depend on the machine's zone (e.g. +60 for CET, -300 for EST; daylight saving is the caller's choice).
 *
 * - A period is the half-open interval [start, end) in epoch milliseconds.
 * - Keys: day `YYYY-MM-DD`; week `YYYY-Www` (ISO 8601: weeks start on Monday, week 1 holds the year's first
 *   Thursday, so 2021-01-03 is in 2020-W53); month `YYYY-MM`.
 * - An ordinal is an integer that grows by one per period, used for fast bucketing and "previous period".
 */

const DAY = 86_400_000;
const MINUTE = 60_000;

/** Calendar unit of a period. */
export type PeriodUnit = 'day' | 'week' | 'month';

/** One calendar period: its key and its [start, end) bounds in epoch ms. */
export interface Period {
  key: string;
  start: number;
  end: number;
}

function checkOffset(offsetMinutes: number): void {
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 18 * 60) {
    throw new RangeError(`UTC offset must be whole minutes within ±18 h, got ${offsetMinutes}`);
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** year * 12 + (month - 1) of a day number (days since 1970-01-01), by H. Hinnant's civil-from-days, no Date. */
function monthOrdinalOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 12 + month - 1;
}

/** The ordinal of the period holding instant `t` (epoch ms) in the given zone. */
export function periodOrdinal(t: number, unit: PeriodUnit, offsetMinutes: number): number {
  const day = Math.floor((t + offsetMinutes * MINUTE) / DAY);
  if (unit === 'month') return monthOrdinalOfDay(day);
  // Day 0 (1970-01-01) is a Thursday: shifting by 3 makes weeks start on Monday.
  return unit === 'day' ? day : Math.floor((day + 3) / 7);
}

function localStartOf(ordinal: number, unit: PeriodUnit): number {
  if (unit === 'day') return ordinal * DAY;
  if (unit === 'week') return (ordinal * 7 - 3) * DAY;
  return Date.UTC(Math.floor(ordinal / 12), ordinal % 12, 1);
}

function keyOf(ordinal: number, unit: PeriodUnit, localStart: number): string {
  const d = new Date(localStart);
  if (unit === 'month') return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  if (unit === 'day') return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const thursday = new Date(localStart + 3 * DAY);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY)) + 1;
  return `${isoYear}-W${pad(week)}`;
}

/** The period with the given ordinal, with its key and UTC bounds. */
export function periodFromOrdinal(ordinal: number, unit: PeriodUnit, offsetMinutes: number): Period {
  checkOffset(offsetMinutes);
  const localStart = localStartOf(ordinal, unit);
  const offset = offsetMinutes * MINUTE;
  return { key: keyOf(ordinal, unit, localStart), start: localStart - offset, end: localStartOf(ordinal + 1, unit) - offset };
}

/** The period that holds instant `t`. */
export function periodOf(t: number, unit: PeriodUnit, offsetMinutes: number): Period {
  return periodFromOrdinal(periodOrdinal(t, unit, offsetMinutes), unit, offsetMinutes);
}

/** The key (`YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`) of the period that holds instant `t`. */
export function periodKey(t: number, unit: PeriodUnit, offsetMinutes: number): string {
  return periodOf(t, unit, offsetMinutes).key;
}

/** Every period overlapping [from, to), oldest first; empty when `to <= from`. */
export function periodsBetween(from: number, to: number, unit: PeriodUnit, offsetMinutes: number): Period[] {
  if (!(to > from)) return [];
  const first = periodOrdinal(from, unit, offsetMinutes);
  const last = periodOrdinal(to - 1, unit, offsetMinutes);
  const periods: Period[] = [];
  for (let o = first; o <= last; o++) periods.push(periodFromOrdinal(o, unit, offsetMinutes));
  return periods;
}

/** A fast `t -> period key` function for bulk grouping (keys are cached per ordinal). */
export function periodKeyer(unit: PeriodUnit, offsetMinutes: number): (t: number) => string {
  checkOffset(offsetMinutes);
  const cache = new Map<number, string>();
  return (t) => {
    const ordinal = periodOrdinal(t, unit, offsetMinutes);
    let key = cache.get(ordinal);
    if (key === undefined) {
      key = periodFromOrdinal(ordinal, unit, offsetMinutes).key;
      cache.set(ordinal, key);
    }
    return key;
  };
}
