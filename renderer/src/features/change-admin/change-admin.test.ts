import { CHANGE_SETTING_CODES, checkChangeSetting, DEFAULT_CHANGE_SETTINGS, type ChangeWindow } from '@shared';
import { buildChangeWindow } from '@shared/testing/build-change.js';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { settingErrors, settingViolationText } from './setting-violations.js';
import { groupOptions, settingsFromForm } from './settings-form.js';
import { newTemplate, templatesInOrder } from './template-form.js';
import { formFromWindow, minutesOf, newWindowForm, recurrenceOf, ruleOf, windowFromForm } from './window-form.js';
import { whenWords } from './window-text.js';

async function translator(lng: 'en' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, fallbackLng: 'en' });
  return i18n.t;
}
/** The translator as the screen passes it to the wording helpers. */
async function words(lng: 'en' | 'fr') {
  const t = await translator(lng);
  return (key: string, options?: Record<string, unknown>) => t(key, options ?? {});
}
const check = (window: ChangeWindow) =>
  checkChangeSetting({ id: window.id, kind: 'change_window', data: window as unknown as Record<string, unknown> });

describe('window form', () => {
  it('round-trips a stored window unchanged', () => {
    const window = buildChangeWindow({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU', until: '2027-12-31' });
    expect(windowFromForm(formFromWindow(window))).toEqual(window);
  });

  it('builds rules the shared check accepts from the choices, weekdays in calendar order', () => {
    const form = { ...newWindowForm('win-new', '2027-01-02', 'America/Toronto'), name: 'Sat', nameFr: 'Sam' };
    expect(ruleOf({ ...form, weekdays: ['SU', 'MO'] })).toBe('FREQ=WEEKLY;BYDAY=MO,SU');
    expect(ruleOf({ ...form, frequency: 'monthly', interval: 3 })).toBe('FREQ=MONTHLY;INTERVAL=3');
    expect(ruleOf({ ...form, frequency: 'none' })).toBe('');
    for (const frequency of ['none', 'daily', 'weekly', 'monthly', 'yearly'] as const) {
      expect(check(windowFromForm({ ...form, frequency })), frequency).toEqual([]);
    }
  });

  it('keeps a rule the choices cannot build as a custom rule', () => {
    expect(recurrenceOf('FREQ=MONTHLY;BYDAY=1SA')).toMatchObject({ frequency: 'custom', customRule: 'FREQ=MONTHLY;BYDAY=1SA' });
    expect(recurrenceOf('FREQ=DAILY;BYDAY=MO')).toMatchObject({ frequency: 'custom' });
    expect(recurrenceOf('FREQ=YEARLY')).toMatchObject({ frequency: 'yearly', interval: 1, weekdays: [] });
  });

  it('reads the time as typed, and leaves a bad time for the shared check to refuse', () => {
    expect([minutesOf('02:30'), minutesOf('23:59'), minutesOf('24:00'), minutesOf('')]).toEqual([150, 1439, -1, -1]);
    const form = { ...formFromWindow(buildChangeWindow({ id: 'win-x' })), startTime: '' };
    expect(check(windowFromForm(form)).map((v) => v.field)).toEqual(['data.startMinutes']);
  });
});

describe('window in words', () => {
  it('says when a window runs in English and in French', async () => {
    const window = buildChangeWindow({ rrule: 'FREQ=WEEKLY;BYDAY=SA', until: '2027-06-30' });
    expect(whenWords(window, 'en', await words('en'))).toBe(
      'Every week on Sat at 02:00 (America/Toronto), from 2026-01-03 until 2027-06-30',
    );
    expect(whenWords(window, 'fr', await words('fr'))).toBe(
      "Chaque semaine le sam. à 02:00 (America/Toronto), à partir du 2026-01-03 jusqu'au 2027-06-30",
    );
  });

  it('uses the rrule wording in English and the rule itself in French for a custom rule', async () => {
    const window = buildChangeWindow({ rrule: 'FREQ=MONTHLY;BYDAY=1SA', startMinutes: 60 });
    expect(whenWords(window, 'en', await words('en'))).toMatch(/^every month on the 1st Saturday at 01:00/);
    expect(whenWords(window, 'fr', await words('fr'))).toMatch(/^FREQ=MONTHLY;BYDAY=1SA à 01:00/);
    expect(whenWords(buildChangeWindow({ rrule: '' }), 'en', await words('en'))).toBe(
      'Once, 2026-01-03 at 02:00 (America/Toronto)',
    );
  });
});

describe('setting violations', () => {
  it('has an English and a French message for every change-setting code', async () => {
    const [tEn, tFr] = [await translator('en'), await translator('fr')];
    for (const code of CHANGE_SETTING_CODES) {
      const v = { code, field: 'id', message: 'shared English' };
      expect(settingViolationText(tEn, v), code).not.toBe(settingViolationText(tFr, v));
      expect(settingViolationText(tFr, v), code).not.toContain('shared English');
    }
  });

  it('explains a malformed value by its field, and a refused role by the shared text', async () => {
    const t = await translator('fr');
    const found = check(buildChangeWindow({ id: 'win-z', timeZone: 'Mars/Olympus', rrule: 'FREQ=HOURLY' }));
    const errors = settingErrors(found, t);
    expect(Object.keys(errors)).toEqual(['timeZone', 'rrule']);
    expect(errors.timeZone).toBe('Utilisez un fuseau horaire IANA, comme America/Toronto.');
    expect(errors.rrule).toMatch(/^Récurrence illisible/);
    expect(settingViolationText(t, { code: 'not_permitted', field: 'id', message: 'x' })).toBe(fr.violations.not_permitted);
  });
});

describe('settings and templates', () => {
  it('counts a typed-away hours field as 0 for the shared check to refuse', () => {
    expect(settingsFromForm({ ...DEFAULT_CHANGE_SETTINGS, causedIncidentWindowHours: '' }).causedIncidentWindowHours).toBe(0);
    expect(settingsFromForm({ ...DEFAULT_CHANGE_SETTINGS, causedIncidentWindowHours: '48' }).causedIncidentWindowHours).toBe(48);
  });

  it('offers groups by name with their member count', () => {
    const options = groupOptions(
      [
        { id: 'grp-ecab', name: 'Emergency CAB' },
        { id: 'grp-cab', name: 'CAB' },
      ],
      (id) => (id === 'grp-cab' ? 5 : 1),
      (name, count) => `${name} (${count})`,
    );
    expect(options).toEqual([
      { value: 'grp-cab', label: 'CAB (5)' },
      { value: 'grp-ecab', label: 'Emergency CAB (1)' },
    ]);
  });

  it('lists active templates first, by name in the UI language', () => {
    const a = { ...newTemplate('a'), name: 'Zeta', nameFr: 'Alpha' };
    const b = { ...newTemplate('b'), name: 'Alpha', nameFr: 'Zêta' };
    const c = { ...newTemplate('c'), name: 'Aardvark', nameFr: 'Aardvark', active: false };
    expect(templatesInOrder([c, a, b], 'en').map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(templatesInOrder([c, a, b], 'fr').map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});
