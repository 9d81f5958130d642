import { describe, expect, it } from 'vitest';
import { buildChangeWindow } from '../testing/build-change.js';
import { zonedInstant } from '../sla/business-calendar.js';
import { checkChangeSetting } from './change-settings.js';
import { recurrenceText, windowOccurrences, withinWindow } from './change-windows.js';

const toronto = (date: string, minutes: number) => zonedInstant(date, minutes, 'America/Toronto');

describe('change windows', () => {
  it('expands a weekly rule at the same local time across a daylight-saving change', () => {
    const window = buildChangeWindow();
    // 2027-03-14 is the spring-forward Sunday in Toronto: the Saturdays around it keep 02:00 local.
    const found = windowOccurrences(window, toronto('2027-03-05', 0), toronto('2027-03-21', 0));
    expect(found.map((o) => o.start)).toEqual([
      toronto('2027-03-06', 120),
      toronto('2027-03-13', 120),
      toronto('2027-03-20', 120),
    ]);
    expect(found[2].start - found[1].start).toBe(7 * 86_400_000 - 3_600_000);
    expect(found.every((o) => o.end - o.start === 240 * 60_000)).toBe(true);
  });

  it('finds an occurrence that started before the range, and honours until', () => {
    const window = buildChangeWindow({ until: '2027-03-06' });
    expect(windowOccurrences(window, toronto('2027-03-06', 300), toronto('2027-03-06', 301))).toHaveLength(1);
    expect(windowOccurrences(window, toronto('2027-03-13', 0), toronto('2027-03-14', 0))).toEqual([]);
    expect(withinWindow(window, toronto('2027-03-06', 130), toronto('2027-03-06', 300))).toBe(true);
    expect(withinWindow(window, toronto('2027-03-06', 60), toronto('2027-03-06', 300))).toBe(false);
  });

  it('checks a stored window: rule, zone, dates and id', () => {
    const window = buildChangeWindow({ id: 'win-1' });
    const doc = (data: object, id = 'win-1') => ({ id, kind: 'change_window' as const, data: data as Record<string, unknown> });
    expect(checkChangeSetting(doc(window))).toEqual([]);
    for (const rule of [
      'FREQ=SOMETIMES',
      'FREQ=WEEKLY;BYDAY=XX',
      'FREQ=MINUTELY',
      'FREQ=DAILY;INTERVAL=abc',
      'BYDAY=SA',
      'FREQ=WEEKLY;FOO=1',
    ]) {
      expect(checkChangeSetting(doc({ ...window, rrule: rule }))[0].field).toBe('data.rrule');
    }
    expect(checkChangeSetting(doc({ ...window, rrule: 'FREQ=DAILY;DTSTART=20200101T000000Z' }))[0].field).toBe('data.rrule');
    expect(checkChangeSetting(doc({ ...window, timeZone: 'Mars/Base' }))[0].field).toBe('data.timeZone');
    expect(checkChangeSetting(doc({ ...window, startDate: '6 March' }))[0].field).toBe('data.startDate');
    expect(checkChangeSetting(doc(window, 'win-2'))[0].code).toBe('change.setting.id_mismatch');
  });
});

describe('recurrenceText', () => {
  it('says a weekly rule in words, and nothing for a one-off or an unreadable rule', () => {
    expect(recurrenceText('FREQ=WEEKLY;BYDAY=SA')).toBe('every week on Saturday');
    expect(recurrenceText('')).toBe('');
    expect(recurrenceText('FREQ=HOURLY')).toBe('');
  });
});
