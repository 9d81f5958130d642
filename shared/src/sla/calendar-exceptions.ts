import { isKnownTimeZone, zonedInstant, type CalendarException, type CalendarVersion } from './business-calendar.js';

/** How far after a version starts (or after now, for a version already in force) an exception day may lie. */
export const EXCEPTION_YEARS_AHEAD = 5;
const YEAR_MS = 365.25 * 24 * 3_600_000;

/** Problems with a version's exception days (holidays added, days worked, special hours), with stable codes. */
export type CalendarExceptionViolation =
  | { code: 'sla.calendar.bad_date'; field: string }
  | { code: 'sla.calendar.duplicate_exception'; field: string }
  | { code: 'sla.calendar.exception_before_version'; field: string }
  | { code: 'sla.calendar.exception_too_far'; field: string };

/** True for a real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const at = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === text;
}

/**
 * What is wrong with the exception days of a version being added (`field` relative to the version: `exceptions.<j>.date`):
 * a date that is not a real day, the same day twice (which one applies?), a day that ends before the version starts
 * (it would never apply: the earlier version is in force then) or one more than EXCEPTION_YEARS_AHEAD years after the
 * version starts (or after `now`). Checked by the admin screen and by the server on every calendar version pushed.
 */
export function versionExceptionViolations(version: CalendarVersion, now: number): CalendarExceptionViolation[] {
  const out: CalendarExceptionViolation[] = [];
  const zone = isKnownTimeZone(version.timeZone) ? version.timeZone : 'UTC';
  const latest = Math.max(version.effectiveFrom, now) + EXCEPTION_YEARS_AHEAD * YEAR_MS;
  const seen = new Set<string>();
  version.exceptions.forEach((e, j) => {
    const field = `exceptions.${j}.date`;
    if (!isCalendarDate(e.date)) {
      out.push({ code: 'sla.calendar.bad_date', field });
      return;
    }
    if (seen.has(e.date)) out.push({ code: 'sla.calendar.duplicate_exception', field });
    seen.add(e.date);
    if (zonedInstant(e.date, 24 * 60, zone) <= version.effectiveFrom)
      out.push({ code: 'sla.calendar.exception_before_version', field });
    else if (zonedInstant(e.date, 0, zone) > latest) out.push({ code: 'sla.calendar.exception_too_far', field });
  });
  return out;
}

/** The exception days with one added (kept in date order); its checks are versionExceptionViolations'. */
export function withCalendarException(exceptions: readonly CalendarException[], added: CalendarException): CalendarException[] {
  return [...exceptions, { ...added, reason: added.reason.trim() }].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
}
