import Holidays from 'date-holidays';

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

/** The zone's offset from UTC (ms) at an instant. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

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

const dayCache = new WeakMap<CalendarVersion, Map<string, DayPlan>>();
function planDay(version: CalendarVersion, date: string): DayPlan {
  let cache = dayCache.get(version);
  if (!cache) {
    cache = new Map();
    dayCache.set(version, cache);
  }
  const hit = cache.get(date);
  if (hit) return hit;
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
  cache.set(date, plan);
  return plan;
}

/**
 * Splits [from, to) into working and non-working spans, local day by local day, each day under the calendar
 * version in force at that day's start (so a later version never changes an earlier day).
 */
export function calendarSpans(calendar: BusinessCalendar, from: number, to: number): CalendarSpan[] {
  const spans: CalendarSpan[] = [];
  const push = (span: CalendarSpan): void => {
    if (span.end <= span.start) return;
    const last = spans[spans.length - 1];
    if (
      last &&
      last.working === span.working &&
      last.reason === span.reason &&
      last.label === span.label &&
      last.end === span.start
    ) {
      last.end = span.end;
    } else spans.push({ ...span });
  };
  let cursor = from;
  let guard = 0;
  while (cursor < to && guard++ < 100_000) {
    const version = versionAt(calendar, cursor);
    const plan = planDay(version, localDate(cursor, version.timeZone));
    const dayEnd = Math.min(plan.dayEnd, to);
    let t = cursor;
    for (const w of plan.windows) {
      if (w.end <= t) continue;
      if (w.start >= dayEnd) break;
      push({ start: t, end: Math.min(w.start, dayEnd), working: false, reason: plan.reason, label: plan.label });
      const ws = Math.max(w.start, t);
      const we = Math.min(w.end, dayEnd);
      push({ start: ws, end: we, working: true });
      t = Math.max(t, we);
    }
    push({ start: t, end: dayEnd, working: false, reason: plan.reason, label: plan.label });
    cursor = Math.max(dayEnd, cursor + 1);
  }
  return spans;
}

/** Working milliseconds in [from, to). */
export function businessMsBetween(calendar: BusinessCalendar, from: number, to: number): number {
  let total = 0;
  for (const s of calendarSpans(calendar, from, to)) if (s.working) total += s.end - s.start;
  return total;
}

/** The instant at which `ms` of working time have passed after `from` (searches up to ~3 years ahead). */
export function addBusinessMs(calendar: BusinessCalendar, from: number, ms: number): number | undefined {
  let remaining = ms;
  if (remaining <= 0) return from;
  let cursor = from;
  const horizon = from + 3 * 366 * DAY_MS;
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
  const same = (a: CalendarVersion, b: CalendarVersion): boolean => JSON.stringify(a) === JSON.stringify(b);
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
