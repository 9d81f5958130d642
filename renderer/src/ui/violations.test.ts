import {
  DIRECTORY_VIOLATION_CODES,
  PASSWORD_VIOLATION_CODES,
  SURVEY_TEMPLATE_CODES,
  VIOLATION_CODES,
  WRITE_CHECK_CODES,
  checkReviewBeforeClose,
  ticketShapeViolations,
} from '@shared';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { violationText } from './violations.js';

async function translator(lng: 'en' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, fallbackLng: 'en' });
  return i18n.t;
}

describe('violation messages', () => {
  it('has an English and a French message for every code', () => {
    for (const code of [
      ...VIOLATION_CODES,
      ...WRITE_CHECK_CODES,
      ...DIRECTORY_VIOLATION_CODES,
      ...PASSWORD_VIOLATION_CODES,
      ...SURVEY_TEMPLATE_CODES,
    ]) {
      expect(en.violations, code).toHaveProperty(code);
      expect(fr.violations, code).toHaveProperty(code);
    }
  });

  it('tells a 301-character title it is too long, not that it needs a title', async () => {
    const t = await translator('en');
    const [violation] = ticketShapeViolations({ title: 'x'.repeat(301) });
    expect(violationText(t, violation)).toBe('At most 300 characters.');
  });

  it('shows the review rule in French to a French user', async () => {
    const t = await translator('fr');
    const [violation] = checkReviewBeforeClose({ major: true, status: 'closed' }, { status: 'resolved' }, false);
    expect(violationText(t, violation)).toBe('Consignez la revue post-incident avant de fermer un incident majeur.');
  });
});
