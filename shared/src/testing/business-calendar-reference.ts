import {
  holidayOn,
  versionAt,
  type BusinessCalendar,
  type CalendarSpan,
  type CalendarVersion,
  type OffHoursReason,
} from '../sla/business-calendar.js';

/**
 * The straightforward business-time arithmetic the memoised one in sla/business-calendar.ts replaced: it walks the
 * calendar local day by local day and asks Intl for every zone offset. Kept only so that property tests can check
 * the fast path against it to the millisecond; nothing outside tests imports it.
 */

const DAY_MS = 86_400_000;
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

/** The zone's offset from UTC (ms) at an instant, straight from Intl. */
export function referenceZoneOffsetMs(instant: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

function localDate(instant: number, timeZone: string): string {
  return new Date(instant + referenceZoneOffsetMs(instant, timeZone)).toISOString().slice(0, 10);
}

/** The instant of a local wall time, as the production zonedInstant documents it, from Intl offsets. */
export function referenceZonedInstant(date: string, minutes: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const o1 = referenceZoneOffsetMs(wall - 36 * 3_600_000, timeZone);
  const o2 = referenceZoneOffsetMs(wall + 36 * 3_600_000, timeZone);
  const candidates = [wall - Math.max(o1, o2), wall - Math.min(o1, o2)];
  for (const c of candidates) if (referenceZoneOffsetMs(c, timeZone) === wall - c) return c;
  return wall - Math.min(o1, o2);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

interface DayPlan {
  dayEnd: number;
  windows: { start: number; end: number }[];
  reason: OffHoursReason;
  label?: string;
}

function planDay(version: CalendarVersion, date: string): DayPlan {
  const tz = version.timeZone;
  const exception = version.exceptions.find((e) => e.date === date);
  const holiday = exception ? undefined : holidayOn(version, date);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const hours = exception ? exception.hours : holiday ? [] : (version.weekHours[weekday] ?? []);
  return {
    dayEnd: referenceZonedInstant(addDays(date, 1), 0, tz),
    windows: [...hours]
      .sort((a, b) => a.start - b.start)
      .map((h) => ({
        start: referenceZonedInstant(date, h.start, tz),
        end: h.end >= 1440 ? referenceZonedInstant(addDays(date, 1), 0, tz) : referenceZonedInstant(date, h.end, tz),
      }))
      .filter((w) => w.end > w.start),
    reason: exception ? 'exception' : holiday ? 'holiday' : 'outside_hours',
    label: exception ? exception.reason : holiday,
  };
}

/** [from, to) in working and non-working spans, walked local day by local day. */
export function referenceCalendarSpans(calendar: BusinessCalendar, from: number, to: number): CalendarSpan[] {
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

/** Working milliseconds in [from, to), by summing the walked spans. */
export function referenceBusinessMsBetween(calendar: BusinessCalendar, from: number, to: number): number {
  let total = 0;
  for (const s of referenceCalendarSpans(calendar, from, to)) if (s.working) total += s.end - s.start;
  return total;
}

/** The instant `ms` of working time after `from`, walking 14-day chunks up to ~3 years ahead. */
export function referenceAddBusinessMs(calendar: BusinessCalendar, from: number, ms: number): number | undefined {
  let remaining = ms;
  if (remaining <= 0) return from;
  let cursor = from;
  const horizon = from + 3 * 366 * DAY_MS;
  while (cursor < horizon) {
    const chunkEnd = Math.min(cursor + 14 * DAY_MS, horizon);
    for (const s of referenceCalendarSpans(calendar, cursor, chunkEnd)) {
      if (!s.working) continue;
      const len = s.end - s.start;
      if (len >= remaining) return s.start + remaining;
      remaining -= len;
    }
    cursor = chunkEnd;
  }
  return undefined;
}
