import { CSV_ONLY_VIOLATION_CODES, type CsvRowViolation } from '@shared';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { violationReason } from './violation-reason.js';

async function translator(lng: 'en' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18n.t.bind(i18n);
}

const duplicate: CsvRowViolation = {
  file: 'cis',
  line: 7,
  column: 'external_id',
  code: 'csv_external_id_duplicate',
  message: 'external_id "SRV-1" is already on line 2',
  params: { value: 'SRV-1', other: 2 },
};

describe('import report reasons', () => {
  it('are translated by code in English and French, with the row’s values', async () => {
    expect(violationReason(await translator('en'), duplicate)).toBe('The external id “SRV-1” is already used on line 2.');
    expect(violationReason(await translator('fr'), duplicate)).toBe(
      'L’identifiant externe « SRV-1 » est déjà utilisé à la ligne 2.',
    );
  });

  it('exist for every import code in both languages, and fall back to the server’s sentence for a new code', async () => {
    const codes = Object.keys(en.cmdbImport.code);
    expect(codes).toEqual(expect.arrayContaining([...CSV_ONLY_VIOLATION_CODES]));
    expect(Object.keys(fr.cmdbImport.code)).toEqual(codes);
    const t = await translator('fr');
    const unknown = { ...duplicate, code: 'csv_from_the_future', message: 'Something new' } as unknown as CsvRowViolation;
    expect(violationReason(t, unknown)).toBe('Something new');
    // No placeholder is ever shown raw, whatever params a code brings.
    for (const code of codes) expect(violationReason(t, { ...duplicate, code } as CsvRowViolation)).not.toContain('{{');
  });
});
