import type { ChangeWindow, ChangeWindowKind } from '@shared';
import type { NumberField } from '../sla-admin/policy-form.js';

/** How often a window comes back; 'custom' keeps a rule the form cannot build (typed as raw RRULE text). */
export type Frequency = 'none' | 'daily' | 'weekly' | 'monthly' | 'yearly' | 'custom';
export const FREQUENCIES: readonly Frequency[] = ['none', 'daily', 'weekly', 'monthly', 'yearly', 'custom'];

/** iCalendar's weekday codes, Monday first as the desk's calendars show them. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The window editor's state: the window's fields with the time as typed and the recurrence as choices. */
export interface WindowForm {
  id: string;
  kind: ChangeWindowKind;
  name: string;
  nameFr: string;
  timeZone: string;
  startDate: string;
  /** Local start as "HH:MM". */
  startTime: string;
  durationMinutes: NumberField;
  frequency: Frequency;
  /** Every how many days, weeks, months or years. */
  interval: NumberField;
  /** Weekly: the days it runs ([] = the start date's weekday). */
  weekdays: Weekday[];
  /** The rule as typed when `frequency` is 'custom'. */
  customRule: string;
  until: string;
  ciIds: string[];
}

const FREQ_OF: Record<string, Frequency> = { DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly', YEARLY: 'yearly' };

/** The recurrence choices a stored RRULE stands for; a rule with parts the form does not build stays 'custom'. */
export function recurrenceOf(rule: string): Pick<WindowForm, 'frequency' | 'interval' | 'weekdays' | 'customRule'> {
  const none = { frequency: 'none' as const, interval: 1, weekdays: [], customRule: '' };
  if (rule === '') return none;
  const custom = { ...none, frequency: 'custom' as const, customRule: rule };
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string | undefined]));
  const frequency = FREQ_OF[parts.get('FREQ') ?? ''];
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const days = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  const simpleDays = days.every((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
  const known = [...parts.keys()].every((k) => k === 'FREQ' || k === 'INTERVAL' || (k === 'BYDAY' && frequency === 'weekly'));
  if (!frequency || !known || !simpleDays || !Number.isInteger(interval) || interval < 1) return custom;
  return { frequency, interval, weekdays: days, customRule: '' };
}

/** The RRULE the recurrence choices build ('' for a one-off). */
export function ruleOf(form: Pick<WindowForm, 'frequency' | 'interval' | 'weekdays' | 'customRule'>): string {
  if (form.frequency === 'none') return '';
  if (form.frequency === 'custom') return form.customRule.trim().toUpperCase();
  const parts = [`FREQ=${form.frequency.toUpperCase()}`];
  const interval = toNumber(form.interval);
  if (interval !== 1) parts.push(`INTERVAL=${interval}`);
  if (form.frequency === 'weekly' && form.weekdays.length > 0) {
    parts.push(`BYDAY=${WEEKDAYS.filter((d) => form.weekdays.includes(d)).join(',')}`);
  }
  return parts.join(';');
}

/** "HH:MM" for minutes after midnight. */
export function timeText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes after midnight for "HH:MM", or -1 (which the shared check refuses) when it is not a time. */
export function minutesOf(time: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m) return -1;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? h * 60 + min : -1;
}

/** An empty or unreadable number counts as 0, so the shared check reports it on its field. */
function toNumber(v: NumberField): number {
  if (typeof v === 'number') return v;
  const n = Number(v.trim().replace(',', '.'));
  return v.trim() === '' || Number.isNaN(n) ? 0 : n;
}

/** The form for a stored window. */
export function formFromWindow(window: ChangeWindow): WindowForm {
  return {
    id: window.id,
    kind: window.kind,
    name: window.name,
    nameFr: window.nameFr,
    timeZone: window.timeZone,
    startDate: window.startDate,
    startTime: timeText(window.startMinutes),
    durationMinutes: window.durationMinutes,
    ...recurrenceOf(window.rrule),
    until: window.until,
    ciIds: [...window.ciIds],
  };
}

/** A new window: a weekly Saturday-night maintenance window in this device's time zone, starting on `today`. */
export function newWindowForm(id: string, today: string, timeZone: string): WindowForm {
  return {
    id,
    kind: 'maintenance',
    name: '',
    nameFr: '',
    timeZone,
    startDate: today,
    startTime: '02:00',
    durationMinutes: 240,
    frequency: 'weekly',
    interval: 1,
    weekdays: ['SA'],
    customRule: '',
    until: '',
    ciIds: [],
  };
}

/** The window the form describes, as written to the settings collection (the shared check decides if it is valid). */
export function windowFromForm(form: WindowForm): ChangeWindow {
  return {
    id: form.id,
    name: form.name.trim(),
    nameFr: form.nameFr.trim(),
    kind: form.kind,
    timeZone: form.timeZone.trim(),
    startDate: form.startDate,
    startMinutes: minutesOf(form.startTime),
    durationMinutes: toNumber(form.durationMinutes),
    rrule: ruleOf(form),
    until: form.frequency === 'none' ? '' : form.until,
    ciIds: form.ciIds,
  };
}
