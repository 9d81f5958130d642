import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';

async function translator(lng: 'en' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, fallbackLng: 'en' });
  return i18n.t;
}

// The counts the major-incident screens show, as each language says them for one and for several.
const keys = ['major.children', 'major.openChildren', 'major.resolveChildren', 'major.resolveSubmit'] as const;

describe('major-incident counts', () => {
  it('read right for one and many in English', async () => {
    const t = await translator('en');
    expect(keys.map((k) => t(k, { count: 1 }))).toEqual([
      'Child incident (1)',
      '1 child incident is still open.',
      'Resolve the open child incident',
      'Resolve (and 1 child incident)',
    ]);
    expect(keys.map((k) => t(k, { count: 3 }))).toEqual([
      'Child incidents (3)',
      '3 child incidents are still open.',
      'Resolve the 3 open child incidents',
      'Resolve (and 3 child incidents)',
    ]);
  });

  it('read right for one and many in French', async () => {
    const t = await translator('fr');
    expect(keys.map((k) => t(k, { count: 1 }))).toEqual([
      'Incident enfant (1)',
      '1 incident enfant est encore ouvert.',
      'Résoudre l’incident enfant ouvert',
      'Résoudre (et 1 incident enfant)',
    ]);
    expect(keys.map((k) => t(k, { count: 3 }))).toEqual([
      'Incidents enfants (3)',
      '3 incidents enfants sont encore ouverts.',
      'Résoudre les 3 incidents enfants ouverts',
      'Résoudre (et 3 incidents enfants)',
    ]);
  });

  it('counts the tries left before sign-out in both languages', async () => {
    const [tEn, tFr] = await Promise.all([translator('en'), translator('fr')]);
    expect(tEn('feedback.check.wrong', { count: 1 })).toBe('Wrong password. 1 try left before you are signed out.');
    expect(tFr('feedback.check.wrong', { count: 4 })).toBe(
      'Mot de passe incorrect. Il vous reste 4 essais avant la déconnexion.',
    );
  });
});
