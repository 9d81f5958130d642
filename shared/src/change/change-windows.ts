import * as rruleModule from 'rrule';
import { z } from 'zod';
import { isKnownTimeZone, localDate, zonedInstant } from '../sla/business-calendar.js';

// rrule ships an ES module (bundlers) and a CommonJS build (Node), whose names Node finds only on the default export.
type RRuleModule = typeof rruleModule;
const rrule: RRuleModule = (rruleModule as RRuleModule & { default?: RRuleModule }).RRule
  ? rruleModule
  : (rruleModule as unknown as { default: RRuleModule }).default;

export const CHANGE_WINDOW_KINDS = ['blackout', 'maintenance'] as const;
export type ChangeWindowKind = (typeof CHANGE_WINDOW_KINDS)[number];

/**
 * A blackout window (a freeze: no change may run in it) or a maintenance window (the agreed times a service may be
 * changed), once or recurring by an iCalendar RRULE (FREQ=WEEKLY;BYDAY=SA, …) read by the `rrule` library. Times are
 * local to the window's time zone, so a Saturday 02:00 window stays at 02:00 across daylight-saving changes.
 */
export interface ChangeWindow {
  id: string;
  name: string;
  nameFr: string;
  kind: ChangeWindowKind;
  timeZone: string;
  /** First day (YYYY-MM-DD) and local start (minutes after midnight) of the first occurrence. */
  startDate: string;
  startMinutes: number;
  durationMinutes: number;
  /** RRULE without DTSTART ('' = once). */
  rrule: string;
  /** Last day an occurrence may start ('' = no end). */
  until: string;
  /** Blackout: the CIs and services it freezes ([] = every change). Maintenance: the services it is the window of. */
  ciIds: string[];
}

/** The lengths of a window's or template's names and of a window's rule, for the shapes and the admin forms. */
export const CHANGE_SETTING_LIMITS = { name: 200, rule: 300 } as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RRULE_ALLOWED = /^[A-Z0-9=;,+-]*$/;

function parsesAsRule(text: string): boolean {
  if (text === '') return true;
  if (!RRULE_ALLOWED.test(text) || /(^|;)(DTSTART|UNTIL)=/.test(text)) return false;
  try {
    // rrule's parser is lenient (FREQ=SOMETIMES reads as no frequency, BYDAY=XX as null): check what it read. Only
    // daily or coarser rules, so no window expands to an occurrence per minute.
    const options = rrule.RRule.parseString(text);
    const known = (value: unknown): boolean =>
      Array.isArray(value) ? value.every(known) : value !== null && value !== undefined && !Number.isNaN(value);
    const interval = options.interval ?? 1;
    return (
      typeof options.freq === 'number' &&
      options.freq <= rrule.RRule.DAILY &&
      Number.isInteger(interval) &&
      interval >= 1 &&
      Object.values(options).every(known)
    );
  } catch {
    return false;
  }
}

/** The shape of a stored window (checked on every write of a `change_window` setting). */
export const changeWindowShape = z
  .object({
    id: z.string().min(1).max(40),
    name: z.string().trim().min(1).max(CHANGE_SETTING_LIMITS.name),
    nameFr: z.string().trim().min(1).max(CHANGE_SETTING_LIMITS.name),
    kind: z.enum(CHANGE_WINDOW_KINDS),
    timeZone: z.string().max(64).refine(isKnownTimeZone, 'unknown time zone: use an IANA name such as America/Toronto'),
    startDate: z.string().regex(DATE, 'write dates as YYYY-MM-DD'),
    startMinutes: z.number().int().min(0).max(1439),
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(366 * 1440),
    rrule: z
      .string()
      .max(CHANGE_SETTING_LIMITS.rule)
      .refine(parsesAsRule, 'not an RRULE this desk reads (e.g. FREQ=WEEKLY;BYDAY=SA; no DTSTART or UNTIL)'),
    until: z.union([z.literal(''), z.string().regex(DATE, 'write dates as YYYY-MM-DD')]),
    ciIds: z.array(z.string().min(1).max(40)).max(500),
  })
  .strict();

/** One occurrence of a window, as instants. */
export interface WindowOccurrence {
  windowId: string;
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
const floatingDay = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const dayOf = (floating: Date): string => floating.toISOString().slice(0, 10);

const rules = new WeakMap<ChangeWindow, InstanceType<RRuleModule['RRule']>>();
function ruleOf(window: ChangeWindow): InstanceType<RRuleModule['RRule']> {
  let rule = rules.get(window);
  if (!rule) {
    // Expanded over "floating" days (UTC midnights standing for local dates); each day found is placed in the zone.
    const options = rrule.RRule.parseString(window.rrule);
    rule = new rrule.RRule({
      ...options,
      dtstart: new Date(floatingDay(window.startDate)),
      ...(window.until ? { until: new Date(floatingDay(window.until)) } : {}),
    });
    rules.set(window, rule);
  }
  return rule;
}

/** The occurrences of a window that overlap [from, to). */
export function windowOccurrences(window: ChangeWindow, from: number, to: number): WindowOccurrence[] {
  const place = (date: string): WindowOccurrence => {
    const start = zonedInstant(date, window.startMinutes, window.timeZone);
    return { windowId: window.id, start, end: start + window.durationMinutes * 60_000 };
  };
  const overlaps = (o: WindowOccurrence): boolean => o.start < to && o.end > from;
  if (window.rrule === '') {
    const once = place(window.startDate);
    return overlaps(once) ? [once] : [];
  }
  // Days that can start an overlapping occurrence: from (from - duration) to `to`, a day wider each side for zones.
  const first = floatingDay(localDate(from - window.durationMinutes * 60_000, window.timeZone)) - DAY_MS;
  const last = floatingDay(localDate(to, window.timeZone)) + DAY_MS;
  return ruleOf(window)
    .between(new Date(first), new Date(last), true)
    .map((day) => place(dayOf(day)))
    .filter(overlaps);
}

/** True when [start, end) lies wholly inside one occurrence of the window. */
export function withinWindow(window: ChangeWindow, start: number, end: number): boolean {
  return windowOccurrences(window, start, end).some((o) => o.start <= start && o.end >= end);
}

/** A window's recurrence in English words ("every week on Saturday"), by the `rrule` library; '' for a one-off. */
export function recurrenceText(rule: string): string {
  if (rule === '' || !parsesAsRule(rule)) return '';
  return new rrule.RRule(rrule.RRule.parseString(rule)).toText();
}
