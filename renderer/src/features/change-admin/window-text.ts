import { recurrenceText, type ChangeWindow } from '@shared';
import type { Translate } from '../sla/sla-view.js';
import { recurrenceOf, timeText, WEEKDAYS, type Weekday } from './window-form.js';

/** Short weekday names in the UI language (2024-01-01 was a Monday, as WEEKDAYS starts). */
export function weekdayNames(lang: string): Record<Weekday, string> {
  const format = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' });
  return Object.fromEntries(WEEKDAYS.map((d, i) => [d, format.format(Date.UTC(2024, 0, 1 + i))])) as Record<Weekday, string>;
}

/** How often a window comes back, in words ("Every 2 weeks on Sat, Sun"); '' for a one-off. */
export function recurrenceWords(rule: string, lang: string, t: Translate): string {
  const choice = recurrenceOf(rule);
  switch (choice.frequency) {
    case 'none':
      return '';
    case 'custom':
      // rrule's own wording is English only: other languages see the rule itself.
      return lang === 'en' ? recurrenceText(rule) || rule : rule;
    default: {
      const every = t(`changeAdmin.recurrence.${choice.frequency}`, { count: Number(choice.interval) });
      if (choice.weekdays.length === 0) return every;
      const names = weekdayNames(lang);
      return t('changeAdmin.recurrence.onDays', { every, days: choice.weekdays.map((d) => names[d]).join(', ') });
    }
  }
}

/** When a window runs, in words: its first day and local time, its recurrence and its last day. */
export function whenWords(window: ChangeWindow, lang: string, t: Translate): string {
  const at = { date: window.startDate, time: timeText(window.startMinutes), timeZone: window.timeZone };
  const recurrence = recurrenceWords(window.rrule, lang, t);
  if (recurrence === '') return t('changeAdmin.when.once', at);
  const when = t('changeAdmin.when.recurring', { ...at, recurrence });
  return window.until ? `${when} ${t('changeAdmin.when.until', { date: window.until })}` : when;
}
