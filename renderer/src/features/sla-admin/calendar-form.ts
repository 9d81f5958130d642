import {
  isKnownTimeZone,
  newVersionViolations,
  validateCalendar,
  versionExceptionViolations,
  withCalendarException,
  withCalendarVersion,
  zonedInstant,
  type BusinessCalendar,
  type CalendarVersion,
  type SettingViolation,
  type WorkingInterval,
} from '@shared';
import { weekHoursText } from './policy-form.js';

/** The new-version form: the date it takes effect, its time zone, and each weekday's hours as typed. */
export interface CalendarVersionForm {
  /** YYYY-MM-DD, local to the new version's time zone. */
  effectiveDate: string;
  timeZone: string;
  /** Index 0 = Sunday; "08:00–16:00", several separated by commas, empty for closed. */
  hours: string[];
  /**
   * Exception days of the new version, as typed: YYYY-MM-DD, hours as a weekday's (empty = closed: a holiday the
   * library does not know), and the reason shown on the clocks. A day with hours also overrides a library holiday.
   */
  exceptions: ExceptionRow[];
}

/** One exception day as typed in the form. */
export interface ExceptionRow {
  date: string;
  hours: string;
  reason: string;
}

/** The form with an empty exception row to fill in, dated the day the version takes effect. */
export function withExceptionRow(form: CalendarVersionForm): CalendarVersionForm {
  return { ...form, exceptions: [...form.exceptions, { date: form.effectiveDate, hours: '', reason: '' }] };
}

/** The form without the exception row at `index`: that day follows the weekly hours and the holidays again. */
export function withoutExceptionRow(form: CalendarVersionForm, index: number): CalendarVersionForm {
  return { ...form, exceptions: form.exceptions.filter((_, i) => i !== index) };
}

/** The form for a new version, starting from the calendar's newest version and tomorrow's date. */
export function versionFormFrom(calendar: BusinessCalendar, now: number): CalendarVersionForm {
  const latest = [...calendar.versions].sort((a, b) => b.effectiveFrom - a.effectiveFrom)[0];
  return {
    effectiveDate: new Date(now + 86_400_000).toISOString().slice(0, 10),
    timeZone: latest?.timeZone ?? 'America/Toronto',
    hours: latest ? weekHoursText(latest.weekHours) : ['', '', '', '', '', '', ''],
    // The newest version's exception days still ahead carry over; past ones no longer matter to a future version.
    exceptions: (latest?.exceptions ?? [])
      .filter((e) => e.date >= new Date(now).toISOString().slice(0, 10))
      .map((e) => ({ date: e.date, hours: weekHoursText([e.hours])[0] ?? '', reason: e.reason })),
  };
}

/** Minutes after midnight of "HH:MM" ("24:00" = 1440), or NaN for anything else. */
function minutesOf(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

/** One day's typed hours as intervals; unreadable text gives an interval the shared check refuses (bad hours). */
export function parseDayHours(text: string): WorkingInterval[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const [start = '', end = ''] = part.split(/[–-]/);
    const s = minutesOf(start);
    const e = minutesOf(end);
    return Number.isNaN(s) || Number.isNaN(e) ? { start: -1, end: -1 } : { start: s, end: e };
  });
}

/**
 * The calendar with the form's version appended, and every problem with it: the shared calendar rules, and that the
 * version starts after now and after every existing one (history is never rewritten). Fields are the form's:
 * 'effectiveDate', 'timeZone', 'hours.<day>'.
 */
export function calendarWithNewVersion(
  calendar: BusinessCalendar,
  form: CalendarVersionForm,
  now: number,
): { calendar: BusinessCalendar; violations: SettingViolation[] } {
  const latest = [...calendar.versions].sort((a, b) => b.effectiveFrom - a.effectiveFrom)[0];
  const out: SettingViolation[] = [];
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(form.effectiveDate) && !Number.isNaN(Date.parse(form.effectiveDate));
  if (!validDate) out.push({ code: 'sla.calendar.bad_date', field: 'effectiveDate', message: 'Dates are written YYYY-MM-DD.' });
  const zone = isKnownTimeZone(form.timeZone) ? form.timeZone : 'UTC';
  const effectiveFrom = validDate ? zonedInstant(form.effectiveDate, 0, zone) : 0;
  const version: CalendarVersion = {
    effectiveFrom,
    timeZone: form.timeZone.trim(),
    weekHours: form.hours.map(parseDayHours),
    ...(latest?.holidaySource ? { holidaySource: latest.holidaySource } : {}),
    exceptions: form.exceptions
      .map((row) => ({ date: row.date.trim(), hours: parseDayHours(row.hours), reason: row.reason.trim() }))
      .reduce<CalendarVersion['exceptions']>((list, e) => withCalendarException(list, e), []),
  };
  const next = withCalendarVersion(calendar, version);
  if (validDate)
    for (const v of newVersionViolations(calendar, effectiveFrom, now))
      out.push({ code: v.code, field: 'effectiveDate', message: 'A new version starts after today and after the latest one.' });
  // Fields name the rows as typed; the version holds them in date order.
  const rowOf = (j: number): number => {
    const e = version.exceptions[j];
    const at = form.exceptions.findIndex((row) => row.date.trim() === e?.date && row.reason.trim() === e.reason);
    return at < 0 ? j : at;
  };
  const rowField = (field: string): string =>
    field.replace(/^exceptions\.(\d+)\./, (_, j: string) => `exceptions.${rowOf(Number(j))}.`);
  for (const v of versionExceptionViolations(version, now)) out.push({ code: v.code, field: rowField(v.field), message: v.code });
  const index = next.versions.length - 1;
  for (const v of validateCalendar(next)) {
    const prefix = `versions.${index}.`;
    if (!v.field.startsWith(prefix)) continue;
    const rest = v.field.slice(prefix.length);
    const field = rest.startsWith('weekHours.')
      ? `hours.${rest.split('.')[1]}`
      : rest === 'timeZone'
        ? 'timeZone'
        : rowField(rest);
    out.push({ code: v.code, field, message: v.code });
  }
  return { calendar: next, violations: out };
}
