import {
  isKnownTimeZone,
  newVersionViolations,
  validateCalendar,
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
}

/** The form for a new version, starting from the calendar's newest version and tomorrow's date. */
export function versionFormFrom(calendar: BusinessCalendar, now: number): CalendarVersionForm {
  const latest = [...calendar.versions].sort((a, b) => b.effectiveFrom - a.effectiveFrom)[0];
  return {
    effectiveDate: new Date(now + 86_400_000).toISOString().slice(0, 10),
    timeZone: latest?.timeZone ?? 'America/Toronto',
    hours: latest ? weekHoursText(latest.weekHours) : ['', '', '', '', '', '', ''],
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
    exceptions: latest?.exceptions ?? [],
  };
  const next = withCalendarVersion(calendar, version);
  if (validDate)
    for (const v of newVersionViolations(calendar, effectiveFrom, now))
      out.push({ code: v.code, field: 'effectiveDate', message: 'A new version starts after today and after the latest one.' });
  const index = next.versions.length - 1;
  for (const v of validateCalendar(next)) {
    const prefix = `versions.${index}.`;
    if (!v.field.startsWith(prefix)) continue;
    const rest = v.field.slice(prefix.length);
    const field = rest.startsWith('weekHours.') ? `hours.${rest.split('.')[1]}` : rest === 'timeZone' ? 'timeZone' : rest;
    out.push({ code: v.code, field, message: v.code });
  }
  return { calendar: next, violations: out };
}
