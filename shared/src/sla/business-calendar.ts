import Holidays from 'date-holidays';
import { jsonEqual } from '../domain/three-way-merge.js';

/** Minutes after local midnight; an interval [start, end) of working time within one local day. */
export interface WorkingInterval {
  start: number;
  end: number;
}

/** Where a calendar's holidays come from: the maintained `date-holidays` library, never a hand-typed list. */
export interface HolidaySource {
  country: string;
  state?: string;
  /** Which kinds of day from the library count as holidays (e.g. public, optional). */
  types: string[];
}

/** A one-day exception: closed (no hours) or special hours, e.g. a snow day or an extended-hours event. */
export interface CalendarException {
  date: string;
  hours: WorkingInterval[];
  reason: string;
}

/** One version of a calendar, in force from `effectiveFrom` (epoch ms) until the next version's. */
export interface CalendarVersion {
  effectiveFrom: number;
  timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday. */
  weekHours: WorkingInterval[][];
  holidaySource?: HolidaySource;
  exceptions: CalendarException[];
}

/** A business calendar: versioned so that a change applies from its effective date and never rewrites history. */
export interface BusinessCalendar {
  id: string;
  name: string;
  versions: CalendarVersion[];
}

/** Why a stretch of time is not working time. */
export type OffHoursReason = 'outside_hours' | 'holiday' | 'exception';

/** A UTC interval [start, end) with whether it is working time and, if not, why. */
export interface CalendarSpan {
  start: number;
  end: number;
  working: boolean;
  reason?: OffHoursReason;
  label?: string;
}

const DAY_MS = 86_400_000;
const ALL_DAY: WorkingInterval[] = [{ start: 0, end: 1440 }];
const OFFICE: WorkingInterval[] = [{ start: 8 * 60, end: 16 * 60 }];

/** Calendar validation problems, with stable codes the UI translates. */
export type CalendarViolation =
  | { code: 'sla.calendar.unknown_time_zone'; field: string }
  | { code: 'sla.calendar.bad_hours'; field: string }
  | { code: 'sla.calendar.overlapping_hours'; field: string }
  | { code: 'sla.calendar.no_versions'; field: string }
  | { code: 'sla.calendar.bad_date'; field: string }
  | { code: 'sla.calendar.unknown_holiday_source'; field: string }
  | { code: 'sla.calendar.rewrites_history'; field: string };

/** True when the runtime knows the IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function checkHours(hours: WorkingInterval[], field: string, out: CalendarViolation[]): void {
  const sorted = [...hours].sort((a, b) => a.start - b.start);
  for (const [i, h] of sorted.entries()) {
    if (!Number.isInteger(h.start) || !Number.isInteger(h.end) || h.start < 0 || h.end > 1440 || h.start >= h.end) {
      out.push({ code: 'sla.calendar.bad_hours', field });
      return;
    }
    const prev = sorted[i - 1];
    if (prev && prev.end > h.start) {
      out.push({ code: 'sla.calendar.overlapping_hours', field });
      return;
    }
  }
}

/** Everything wrong with a calendar, empty when it is valid. */
export function validateCalendar(calendar: BusinessCalendar): CalendarViolation[] {
  const out: CalendarViolation[] = [];
  if (calendar.versions.length === 0) out.push({ code: 'sla.calendar.no_versions', field: 'versions' });
  calendar.versions.forEach((v, i) => {
    if (!isKnownTimeZone(v.timeZone)) out.push({ code: 'sla.calendar.unknown_time_zone', field: `versions.${i}.timeZone` });
    if (v.weekHours.length !== 7) out.push({ code: 'sla.calendar.bad_hours', field: `versions.${i}.weekHours` });
    v.weekHours.forEach((day, d) => checkHours(day, `versions.${i}.weekHours.${d}`, out));
    v.exceptions.forEach((e, j) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date))
        out.push({ code: 'sla.calendar.bad_date', field: `versions.${i}.exceptions.${j}.date` });
      checkHours(e.hours, `versions.${i}.exceptions.${j}.hours`, out);
    });
    if (v.holidaySource) {
      const h = new Holidays();
      const { country, state } = v.holidaySource;
      const known = country in (h.getCountries() ?? {}) && (state === undefined || state in (h.getStates(country) ?? {}));
      if (!known) {
        out.push({ code: 'sla.calendar.unknown_holiday_source', field: `versions.${i}.holidaySource` });
      }
    }
  });
  return out;
}

// ---- Time-zone arithmetic with Intl (date-fns-tz is not installed) ----

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC (ms) at an instant, straight from Intl (slow: a formatToParts per call). */
function intlOffsetMs(instant: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

// Offsets are memoised per zone and UTC year as the list of changes Intl reports: sampled every 6 hours (no zone
// changes twice within 6 hours), each change located to the millisecond by bisection, so a lookup answers exactly
// what Intl would without asking it.
interface ZoneYear {
  at: number[];
  offset: number[];
}
const SAMPLE_MS = 6 * 3_600_000;
const MAX_CACHED_YEARS = 512;
const zoneYears = new Map<string, Map<number, ZoneYear>>();
function zoneYear(timeZone: string, year: number): ZoneYear {
  let years = zoneYears.get(timeZone);
  if (!years) {
    years = new Map();
    zoneYears.set(timeZone, years);
  }
  let zy = years.get(year);
  if (zy) return zy;
  const y0 = Date.UTC(year, 0, 1);
  const y1 = Date.UTC(year + 1, 0, 1);
  zy = { at: [y0], offset: [intlOffsetMs(y0, timeZone)] };
  let prevAt = y0;
  let prevOffset = zy.offset[0] ?? 0;
  for (let s = y0 + SAMPLE_MS; prevAt < y1 - 1; s += SAMPLE_MS) {
    const sample = Math.min(s, y1 - 1);
    const o = intlOffsetMs(sample, timeZone);
    if (o !== prevOffset) {
      let lo = prevAt;
      let hi = sample;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (intlOffsetMs(mid, timeZone) === prevOffset) lo = mid;
        else hi = mid;
      }
      const changed = intlOffsetMs(hi, timeZone);
      zy.at.push(hi);
      zy.offset.push(changed);
      prevOffset = changed;
      if (changed !== o) {
        // A second change inside one sample: record the sample's own offset from the sample on.
        zy.at.push(sample);
        zy.offset.push(o);
        prevOffset = o;
      }
    }
    prevAt = sample;
  }
  if (years.size >= MAX_CACHED_YEARS) years.clear();
  years.set(year, zy);
  return zy;
}

/** The zone's offset from UTC (ms) at an instant (memoised per zone and year; equal to Intl's answer). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  if (!Number.isFinite(instant)) return intlOffsetMs(instant, timeZone);
  const zy = zoneYear(timeZone, new Date(instant).getUTCFullYear());
  let i = zy.at.length - 1;
  while (i > 0 && (zy.at[i] ?? 0) > instant) i--;
  return zy.offset[i] ?? 0;
}

/** The local day of an instant as days since 1970-01-01. */
function localDayNumber(instant: number, timeZone: string): number {
  return Math.floor((instant + zoneOffsetMs(instant, timeZone)) / DAY_MS);
}

const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant at which a local wall time occurs. In a spring-forward gap the wall time does not exist and the
 * wall time shifted forward by the gap is returned (as Temporal's 'compatible'); in a fall-back overlap, the first.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const o1 = zoneOffsetMs(wall - 36 * 3_600_000, timeZone);
  const o2 = zoneOffsetMs(wall + 36 * 3_600_000, timeZone);
  const candidates = [wall - Math.max(o1, o2), wall - Math.min(o1, o2)];
  for (const c of candidates) if (zoneOffsetMs(c, timeZone) === wall - c) return c;
  // In the gap: neither offset gives this wall time; reading it with the earlier offset shifts it past the jump.
  return wall - Math.min(o1, o2);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// ---- Holidays, cached per source and year ----

const holidayCache = new Map<string, Map<string, string>>();
function holidaysOf(source: HolidaySource, year: number): Map<string, string> {
  const key = `${source.country}|${source.state ?? ''}|${source.types.join(',')}|${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    days = new Map();
    const h = new Holidays(source.country, source.state ?? '');
    for (const day of h.getHolidays(year) || []) {
      if (source.types.includes(day.type)) days.set(day.date.slice(0, 10), day.name);
    }
    holidayCache.set(key, days);
  }
  return days;
}

/** The holiday name on a local date, if the version's source lists one. */
export function holidayOn(version: CalendarVersion, date: string): string | undefined {
  if (!version.holidaySource) return undefined;
  return holidaysOf(version.holidaySource, Number(date.slice(0, 4))).get(date);
}

/** The version in force at an instant (the first version also covers everything before it). */
export function versionAt(calendar: BusinessCalendar, instant: number): CalendarVersion {
  let chosen = calendar.versions[0];
  for (const v of calendar.versions) if (v.effectiveFrom <= instant) chosen = v;
  if (!chosen) throw new Error('calendar without versions');
  return chosen;
}

interface DayPlan {
  dayStart: number;
  dayEnd: number;
  windows: { start: number; end: number }[];
  reason: OffHoursReason;
  label?: string;
}

// Day plans are pure functions of (version, local day): cached per version object, bounded per version.
const MAX_CACHED_DAYS = 100_000;
const dayCache = new WeakMap<CalendarVersion, Map<number, DayPlan>>();
function planDay(version: CalendarVersion, day: number): DayPlan {
  let cache = dayCache.get(version);
  if (!cache) {
    cache = new Map();
    dayCache.set(version, cache);
  }
  const hit = cache.get(day);
  if (hit) return hit;
  const date = dateOfDay(day);
  const tz = version.timeZone;
  const exception = version.exceptions.find((e) => e.date === date);
  const holiday = exception ? undefined : holidayOn(version, date);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const hours = exception ? exception.hours : holiday ? [] : (version.weekHours[weekday] ?? []);
  const plan: DayPlan = {
    dayStart: zonedInstant(date, 0, tz),
    dayEnd: zonedInstant(addDays(date, 1), 0, tz),
    windows: [...hours]
      .sort((a, b) => a.start - b.start)
      .map((h) => ({
        start: zonedInstant(date, h.start, tz),
        end: h.end >= 1440 ? zonedInstant(addDays(date, 1), 0, tz) : zonedInstant(date, h.end, tz),
      }))
      .filter((w) => w.end > w.start),
    reason: exception ? 'exception' : holiday ? 'holiday' : 'outside_hours',
    label: exception ? exception.reason : holiday,
  };
  if (cache.size >= MAX_CACHED_DAYS) cache.clear();
  cache.set(day, plan);
  return plan;
}

/** Working ms of one day's plan in [t, dayEnd): the sum of the working spans `calendarSpans` emits for it. */
function workingIn(plan: DayPlan, from: number, dayEnd: number): number {
  let t = from;
  let total = 0;
  for (const w of plan.windows) {
    if (w.end <= t) continue;
    if (w.start >= dayEnd) break;
    const ws = Math.max(w.start, t);
    const we = Math.min(w.end, dayEnd);
    if (we > ws) total += we - ws;
    t = Math.max(t, we);
  }
  return total;
}

/** The instant `ms` (> 0) working ms after `from` within one day's plan, or undefined if the day has fewer. */
function instantIn(plan: DayPlan, from: number, dayEnd: number, ms: number): number | undefined {
  let t = from;
  let remaining = ms;
  for (const w of plan.windows) {
    if (w.end <= t) continue;
    if (w.start >= dayEnd) break;
    const ws = Math.max(w.start, t);
    const we = Math.min(w.end, dayEnd);
    if (we > ws) {
      if (we - ws >= remaining) return ws + remaining;
      remaining -= we - ws;
    }
    t = Math.max(t, we);
  }
  return undefined;
}

/** Receives each span of a walk: [start, end), working or not and why. */
export type SpanVisitor = (start: number, end: number, working: boolean, reason?: OffHoursReason, label?: string) => void;

/** Merges consecutive pieces with the same meaning into one span before handing it on (no object per piece). */
class SpanMerger {
  private open = false;
  private start = 0;
  private end = 0;
  private working = false;
  private reason: OffHoursReason | undefined;
  private label: string | undefined;
  constructor(private readonly visit: SpanVisitor) {}

  push(start: number, end: number, working: boolean, reason?: OffHoursReason, label?: string): void {
    if (end <= start) return;
    if (this.open && this.working === working && this.reason === reason && this.label === label && this.end === start) {
      this.end = end;
      return;
    }
    this.flush();
    this.open = true;
    this.start = start;
    this.end = end;
    this.working = working;
    this.reason = reason;
    this.label = label;
  }

  flush(): void {
    if (this.open) this.visit(this.start, this.end, this.working, this.reason, this.label);
    this.open = false;
  }
}

/** One day's pieces of [t, dayEnd) under its plan. */
function pushDay(spans: SpanMerger, plan: DayPlan, from: number, dayEnd: number): void {
  let t = from;
  for (const w of plan.windows) {
    if (w.end <= t) continue;
    if (w.start >= dayEnd) break;
    spans.push(t, Math.min(w.start, dayEnd), false, plan.reason, plan.label);
    const ws = Math.max(w.start, t);
    const we = Math.min(w.end, dayEnd);
    spans.push(ws, we, true);
    t = Math.max(t, we);
  }
  spans.push(t, dayEnd, false, plan.reason, plan.label);
}

/**
 * Splits [from, to) into working and non-working spans, local day by local day, each day under the calendar
 * version in force at that day's start (so a later version never changes an earlier day).
 */
export function calendarSpans(calendar: BusinessCalendar, from: number, to: number): CalendarSpan[] {
  const spans: CalendarSpan[] = [];
  forEachCalendarSpan(calendar, from, to, (start, end, working, reason, label) => {
    spans.push(working ? { start, end, working } : { start, end, working, reason, label });
  });
  return spans;
}

/** Visits, in order, exactly the spans calendarSpans returns, without building them. */
export function forEachCalendarSpan(calendar: BusinessCalendar, from: number, to: number, visit: SpanVisitor): void {
  const spans = new SpanMerger(visit);
  let cursor = from;
  let guard = 0;
  const version = soleVersion(calendar);
  // A single-version calendar walks its per-year index (the same days, without locating each one again).
  if (version && from < to && to - from < INDEXED_RANGE_MS && indexable(from) && indexable(to)) {
    const first = yearAt(version, from);
    let index = first;
    // Each indexed year's spans are built once (yearSpans): a walk hands on the stored spans clipped to
    // [from, to), which is what walking its days would give, as clipping a day's pieces commutes with merging.
    while (index && cursor < to && index.regular) {
      const chain = index.spans ?? yearSpans(index);
      for (let k = spanAt(chain, cursor); k < chain.ends.length && cursor < to; k++) {
        const end = Math.min(chain.ends[k] ?? to, to);
        spans.push(cursor, end, chain.working[k] === 1, chain.reasons[k], chain.labels[k]);
        cursor = end;
      }
      if (cursor < to) {
        // Days walked, for the day walk's guard should a later year not be indexed.
        guard += index.starts.length - (index === first ? dayIn(index, from) : 0);
        index = yearIndex(version, index.year + 1);
      }
    }
  }
  while (cursor < to && guard++ < 100_000) {
    const v = versionAt(calendar, cursor);
    const plan = planDay(v, localDayNumber(cursor, v.timeZone));
    const dayEnd = Math.min(plan.dayEnd, to);
    pushDay(spans, plan, cursor, dayEnd);
    cursor = Math.max(dayEnd, cursor + 1);
  }
  spans.flush();
}

// ---- Per-version index of business time: cumulative working ms at each local day's start, built per year ----

/** One local year of a version's days, chained exactly as calendarSpans walks them. */
interface YearIndex {
  start: number;
  end: number;
  starts: number[];
  plans: DayPlan[];
  /** Working ms from `start` to each day's start; `total` to `end`. */
  cum: number[];
  total: number;
  /** False when the walk would not follow this chain (a zone whose local dates misbehave, unsorted windows). */
  regular: boolean;
  year: number;
  /** The year's spans, built on the first walk through it (yearSpans). */
  spans?: YearSpans;
}

const yearIndexes = new WeakMap<CalendarVersion, Map<number, YearIndex>>();

/** True when every instant of [start, end) has local day `day`: the offset changes inside are checked one by one. */
function oneLocalDay(start: number, end: number, day: number, timeZone: string): boolean {
  const edges = [start, end - 1];
  for (let y = new Date(start).getUTCFullYear(); y <= new Date(end - 1).getUTCFullYear(); y++) {
    for (const at of zoneYear(timeZone, y).at) if (at > start && at < end) edges.push(at - 1, at);
  }
  return edges.every((x) => localDayNumber(x, timeZone) === day);
}

function yearIndex(version: CalendarVersion, year: number): YearIndex {
  let years = yearIndexes.get(version);
  if (!years) {
    years = new Map();
    yearIndexes.set(version, years);
  }
  const hit = years.get(year);
  if (hit) return hit;
  const tz = version.timeZone;
  const start = zonedInstant(`${String(year).padStart(4, '0')}-01-01`, 0, tz);
  const end = zonedInstant(`${String(year + 1).padStart(4, '0')}-01-01`, 0, tz);
  const index: YearIndex = {
    start,
    end,
    starts: [],
    plans: [],
    cum: [],
    total: 0,
    regular: true,
    year,
    spans: undefined,
  };
  let cursor = start;
  while (cursor < end && index.regular) {
    const day = localDayNumber(cursor, tz);
    const plan = planDay(version, day);
    const sorted = plan.windows.every((w, i) => i === 0 || w.start >= (plan.windows[i - 1]?.start ?? 0));
    if (plan.dayStart !== cursor || plan.dayEnd <= cursor || !sorted || !oneLocalDay(cursor, plan.dayEnd, day, tz)) {
      index.regular = false;
    }
    index.starts.push(cursor);
    index.plans.push(plan);
    index.cum.push(index.total);
    index.total += workingIn(plan, cursor, plan.dayEnd);
    cursor = plan.dayEnd;
  }
  if (cursor !== end) index.regular = false;
  if (years.size >= MAX_CACHED_YEARS) years.clear();
  years.set(year, index);
  return index;
}

// The last year each version was asked about: consecutive questions almost always fall in the same year.
const lastYear = new WeakMap<CalendarVersion, YearIndex>();

/** The indexed year containing an instant, or undefined where the index does not apply. */
function yearAt(version: CalendarVersion, instant: number): YearIndex | undefined {
  let index = lastYear.get(version);
  if (!index || !(instant >= index.start && instant < index.end)) {
    const year = new Date(instant).getUTCFullYear();
    index = yearIndex(version, year);
    if (instant < index.start) index = yearIndex(version, year - 1);
    else if (instant >= index.end) index = yearIndex(version, year + 1);
    lastYear.set(version, index);
  }
  if (!index.regular || instant < index.start || instant >= index.end) return undefined;
  return index;
}

/** The position of the last of ascending `starts` at or before `instant` (0 when none is): a binary search. */
function lastStartAtOrBefore(starts: readonly number[], instant: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= instant) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The day of an indexed year containing an instant of that year: the last day starting at or before it. */
function dayIn(index: YearIndex, instant: number): number {
  return lastStartAtOrBefore(index.starts, instant);
}

/** The indexed year and day containing an instant, or undefined where the index does not apply. */
function dayAt(version: CalendarVersion, instant: number): { year: number; index: YearIndex; i: number } | undefined {
  const index = yearAt(version, instant);
  return index && { year: index.year, index, i: dayIn(index, instant) };
}

/** A year's spans as the day walk merges them (working ones with no reason or label), in parallel arrays. */
interface YearSpans {
  starts: number[];
  ends: number[];
  working: Uint8Array;
  reasons: (OffHoursReason | undefined)[];
  labels: (string | undefined)[];
}

/** The spans of an indexed year, from walking its days once (the same pieces and merges as every walk). */
function yearSpans(index: YearIndex): YearSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  const working: number[] = [];
  const reasons: (OffHoursReason | undefined)[] = [];
  const labels: (string | undefined)[] = [];
  const merger = new SpanMerger((start, end, w, reason, label) => {
    starts.push(start);
    ends.push(end);
    working.push(w ? 1 : 0);
    reasons.push(reason);
    labels.push(label);
  });
  index.plans.forEach((plan, i) => pushDay(merger, plan, index.starts[i] ?? plan.dayStart, plan.dayEnd));
  merger.flush();
  const chain: YearSpans = { starts, ends, working: Uint8Array.from(working), reasons, labels };
  index.spans = chain;
  return chain;
}

/** The index of the stored span containing `instant` (the last one starting at or before it). */
function spanAt(chain: YearSpans, instant: number): number {
  return lastStartAtOrBefore(chain.starts, instant);
}

/**
 * Reads the spans of [from, to) one at a time, exactly as forEachCalendarSpan visits them, with no callback and no
 * object per span: the clocks read every span of every ticket, and a call per span (its times boxed on the way)
 * cost more than the spans themselves. Where every year of the range is indexed it reads the stored year spans
 * (merging across a year's end, as the walk's merger does); elsewhere it reads calendarSpans' list.
 */
export class CalendarSpanReader {
  start = 0;
  end = 0;
  working = false;
  reason: OffHoursReason | undefined = undefined;
  label: string | undefined = undefined;
  private list: CalendarSpan[] | undefined = undefined;
  private version: CalendarVersion | undefined = undefined;
  private chain: YearSpans | undefined = undefined;
  private year: YearIndex | undefined = undefined;
  private k = 0;
  private cursor = 0;
  private to = 0;

  /** Starts reading [from, to) of the calendar. */
  read(calendar: BusinessCalendar, from: number, to: number): void {
    this.cursor = from;
    this.to = to;
    this.list = undefined;
    this.chain = undefined;
    this.held = false;
    this.k = 0;
    const version = soleVersion(calendar);
    // Most reads of a ticket fall within one indexed year of one calendar: answered without looking it up again.
    const year = this.year;
    if (version && version === this.version && year && from >= year.start && to <= year.end && from < to) {
      this.chain = year.spans ?? yearSpans(year);
      this.k = spanAt(this.chain, from);
      return;
    }
    if (version && from < to && to - from < INDEXED_RANGE_MS && indexable(from) && indexable(to)) {
      const first = yearAt(version, from);
      let index = first;
      while (index?.regular && index.end < to) index = yearIndex(version, index.year + 1);
      if (first && index?.regular) {
        this.version = version;
        this.year = first;
        this.chain = first.spans ?? yearSpans(first);
        this.k = spanAt(this.chain, from);
        return;
      }
    }
    this.version = undefined;
    this.year = undefined;
    this.list = calendarSpans(calendar, from, to);
  }

  /** Moves to the next span; false when the range is read. */
  next(): boolean {
    const list = this.list;
    if (list) {
      const s = list[this.k++];
      if (!s) return false;
      this.start = s.start;
      this.end = s.end;
      this.working = s.working;
      this.reason = s.reason;
      this.label = s.label;
      return true;
    }
    if (this.held) this.held = false;
    else if (!(this.cursor < this.to) || !this.piece()) return false;
    this.start = this.pieceStart;
    this.end = this.pieceEnd;
    this.working = this.pieceWorking;
    this.reason = this.pieceReason;
    this.label = this.pieceLabel;
    // Stored spans are already merged within a year; only the next year's first may continue this one.
    while (this.cursor < this.to && this.k >= (this.chain?.ends.length ?? 0) && this.piece()) {
      if (this.pieceWorking !== this.working || this.pieceReason !== this.reason || this.pieceLabel !== this.label) {
        this.held = true;
        break;
      }
      this.end = this.pieceEnd;
    }
    return true;
  }

  private pieceStart = 0;
  private pieceEnd = 0;
  private pieceWorking = false;
  private pieceReason: OffHoursReason | undefined = undefined;
  private pieceLabel: string | undefined = undefined;
  /** A piece read past the span just returned, to be returned next. */
  private held = false;

  /** The next stored span clipped to the range, into the piece fields; false when there is none. */
  private piece(): boolean {
    let chain = this.chain;
    const year = this.year;
    const version = this.version;
    if (!chain || !year || !version) return false;
    if (this.k >= chain.ends.length) {
      this.year = yearIndex(version, year.year + 1);
      chain = this.chain = this.year.spans ?? yearSpans(this.year);
      this.k = 0;
    }
    const k = this.k++;
    this.pieceStart = this.cursor;
    this.pieceEnd = Math.min(chain.ends[k] ?? this.to, this.to);
    this.pieceWorking = chain.working[k] === 1;
    this.pieceReason = chain.reasons[k];
    this.pieceLabel = chain.labels[k];
    this.cursor = this.pieceEnd;
    return true;
  }
}

/** The only version a single-version calendar has (the index serves those; others walk day by day). */
const soleVersion = (calendar: BusinessCalendar): CalendarVersion | undefined =>
  calendar.versions.length === 1 ? calendar.versions[0] : undefined;

/** Beyond this the walk's own guard (100,000 days) could matter: such ranges walk. */
const INDEXED_RANGE_MS = 50_000 * DAY_MS;
/** The index serves instants of years 1000–9000 (four-digit years); anything else walks. */
const indexable = (instant: number): boolean => instant > -30_610_224_000_000 && instant < 221_845_392_000_000;

/** Working ms in [from, to) from the index, or undefined where the index does not apply. */
function indexedBusinessMs(version: CalendarVersion, from: number, to: number): number | undefined {
  const a = dayAt(version, from);
  const b = dayAt(version, to);
  if (!a || !b) return undefined;
  const planA = a.index.plans[a.i];
  const planB = b.index.plans[b.i];
  const startB = b.index.starts[b.i];
  if (!planA || !planB || startB === undefined) return undefined;
  if (a.year === b.year && a.i === b.i) return workingIn(planA, from, to);
  let total = workingIn(planA, from, planA.dayEnd) + workingIn(planB, startB, to);
  // Full days strictly between: from the day after a's to the day before b's.
  const afterA = (a.index.cum[a.i] ?? 0) + workingIn(planA, a.index.starts[a.i] ?? 0, planA.dayEnd);
  total -= afterA;
  for (let y = a.year; y < b.year; y++) {
    const index = yearIndex(version, y);
    if (!index.regular) return undefined;
    total += index.total;
  }
  total += b.index.cum[b.i] ?? 0;
  return total;
}

/** Working milliseconds in [from, to). */
export function businessMsBetween(calendar: BusinessCalendar, from: number, to: number): number {
  const version = soleVersion(calendar);
  if (version && from < to && to - from < INDEXED_RANGE_MS && indexable(from) && indexable(to)) {
    const indexed = indexedBusinessMs(version, from, to);
    if (indexed !== undefined) return indexed;
  }
  let total = 0;
  for (const s of calendarSpans(calendar, from, to)) if (s.working) total += s.end - s.start;
  return total;
}

/** addBusinessMs from the index: the first instant with `ms` working ms since `from`, if by `horizon`. */
function indexedAddBusinessMs(version: CalendarVersion, from: number, ms: number, horizon: number): number | null | undefined {
  const a = dayAt(version, from);
  const plan = a && a.index.plans[a.i];
  if (!a || !plan) return undefined;
  const first = instantIn(plan, from, plan.dayEnd, ms);
  if (first !== undefined) return first <= horizon ? first : null;
  let need = ms - workingIn(plan, from, plan.dayEnd);
  let year = a.year;
  let index = a.index;
  let i = a.i + 1;
  for (;;) {
    if (!index.regular) return undefined;
    if (i >= index.starts.length) {
      year += 1;
      index = yearIndex(version, year);
      i = 0;
      if (index.start > horizon) return null;
      continue;
    }
    const base = index.cum[i] ?? 0;
    if (index.total - base < need) {
      need -= index.total - base;
      i = index.starts.length;
      continue;
    }
    // The day in this year where the cumulative working time reaches `need`: last day whose start has less.
    let lo = i;
    let hi = index.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((index.cum[mid] ?? 0) - base < need) lo = mid;
      else hi = mid - 1;
    }
    const dayPlan = index.plans[lo];
    const dayStart = index.starts[lo];
    if (!dayPlan || dayStart === undefined) return undefined;
    const at = instantIn(dayPlan, dayStart, dayPlan.dayEnd, need - ((index.cum[lo] ?? 0) - base));
    if (at === undefined) return undefined;
    return at <= horizon ? at : null;
  }
}

/** The instant at which `ms` of working time have passed after `from` (searches up to ~3 years ahead). */
export function addBusinessMs(calendar: BusinessCalendar, from: number, ms: number): number | undefined {
  let remaining = ms;
  if (remaining <= 0) return from;
  const horizon = from + 3 * 366 * DAY_MS;
  const version = soleVersion(calendar);
  if (version && indexable(from) && indexable(horizon)) {
    const indexed = indexedAddBusinessMs(version, from, ms, horizon);
    if (indexed !== undefined) return indexed ?? undefined;
  }
  let cursor = from;
  while (cursor < horizon) {
    const chunkEnd = Math.min(cursor + 14 * DAY_MS, horizon);
    for (const s of calendarSpans(calendar, cursor, chunkEnd)) {
      if (!s.working) continue;
      const len = s.end - s.start;
      if (len >= remaining) return s.start + remaining;
      remaining -= len;
    }
    cursor = chunkEnd;
  }
  return undefined;
}

/** True when the instant is working time. */
export function isWorkingTime(calendar: BusinessCalendar, instant: number): boolean {
  return calendarSpans(calendar, instant, instant + 1)[0]?.working ?? false;
}

/** The next instant ≥ `from` that is working time (for schedulers that respect business hours). */
export function nextWorkingInstant(calendar: BusinessCalendar, from: number): number | undefined {
  return addBusinessMs(calendar, from, 1) === undefined ? undefined : nextStart(calendar, from);
}
function nextStart(calendar: BusinessCalendar, from: number): number {
  let cursor = from;
  for (;;) {
    const span = calendarSpans(calendar, cursor, cursor + 14 * DAY_MS).find((s) => s.working);
    if (span) return span.start;
    cursor += 14 * DAY_MS;
  }
}

/**
 * Why a version from `effectiveFrom` may not be added: it must start after `now` and after every existing version, so
 * time already counted on a ticket's clock is never recounted under new hours.
 */
export function newVersionViolations(calendar: BusinessCalendar, effectiveFrom: number, now: number): CalendarViolation[] {
  const latest = calendar.versions.reduce((max, v) => Math.max(max, v.effectiveFrom), -Infinity);
  return effectiveFrom <= now || effectiveFrom <= latest
    ? [{ code: 'sla.calendar.rewrites_history', field: 'effectiveFrom' }]
    : [];
}

/**
 * Why a stored calendar may not become `next`: every version already in effect at `now` stays exactly as it was,
 * and a version added or changed starts after `now`, so time already counted is never recounted (checked by the
 * server on every push, whatever the device did).
 */
export function calendarHistoryViolations(previous: BusinessCalendar, next: BusinessCalendar, now: number): CalendarViolation[] {
  // Key order is not meaningful: PostgreSQL's jsonb stores keys in its own order.
  const same = (a: CalendarVersion, b: CalendarVersion): boolean => jsonEqual(a, b);
  const kept = previous.versions.filter((v) => v.effectiveFrom <= now).every((old) => next.versions.some((v) => same(v, old)));
  const added = next.versions.filter((v) => !previous.versions.some((old) => same(v, old)));
  return kept && added.every((v) => v.effectiveFrom > now) ? [] : [{ code: 'sla.calendar.rewrites_history', field: 'versions' }];
}

/** A new calendar with a version appended from `effectiveFrom`: earlier days keep the version they had. */
export function withCalendarVersion(calendar: BusinessCalendar, version: CalendarVersion): BusinessCalendar {
  const kept = calendar.versions.filter((v) => v.effectiveFrom < version.effectiveFrom);
  return { ...calendar, versions: [...kept, version] };
}

const weekdaysOnly = (hours: WorkingInterval[]): WorkingInterval[][] => [[], hours, hours, hours, hours, hours, []];

/** Shipped calendar templates an administrator copies: 24x7, Government of Canada business hours, provinces. */
export const CALENDAR_TEMPLATES: readonly BusinessCalendar[] = [
  {
    id: 'cal-24x7',
    name: '24x7',
    versions: [{ effectiveFrom: 0, timeZone: 'UTC', weekHours: Array.from({ length: 7 }, () => ALL_DAY), exceptions: [] }],
  },
  {
    id: 'cal-goc',
    name: 'Government of Canada business hours',
    versions: [
      {
        effectiveFrom: 0,
        timeZone: 'America/Toronto',
        weekHours: weekdaysOnly(OFFICE),
        // National Capital Region: the library's Ontario list with its public and optional days (Civic Holiday, Remembrance Day).
        holidaySource: { country: 'CA', state: 'ON', types: ['public', 'optional'] },
        exceptions: [],
      },
    ],
  },
  ...(
    [
      ['QC', 'America/Toronto'],
      ['BC', 'America/Vancouver'],
      ['AB', 'America/Edmonton'],
      ['MB', 'America/Winnipeg'],
      ['SK', 'America/Regina'],
      ['NS', 'America/Halifax'],
      ['NB', 'America/Moncton'],
      ['NL', 'America/St_Johns'],
      ['PE', 'America/Halifax'],
    ] as const
  ).map(([state, timeZone]) => ({
    id: `cal-ca-${state.toLowerCase()}`,
    name: `Business hours (${state})`,
    versions: [
      {
        effectiveFrom: 0,
        timeZone,
        weekHours: weekdaysOnly(OFFICE),
        holidaySource: { country: 'CA', state, types: ['public'] },
        exceptions: [],
      },
    ],
  })),
];
