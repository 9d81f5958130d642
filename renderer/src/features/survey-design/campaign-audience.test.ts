import type { CampaignAudience } from '@shared';
import { buildDirectoryEntry } from '@shared/testing/build-records.js';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { audienceText, type AudienceWords } from './campaign-audience.js';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: 'en',
  interpolation: { escapeValue: false },
});

const group = buildDirectoryEntry({ id: 'grp-field', kind: 'group', name: 'Field <b>team</b>', nameFr: 'Équipe terrain' });

function words(lang: 'en' | 'fr'): AudienceWords {
  return {
    t: i18n.getFixedT(lang),
    lang,
    statusName: { resolved: lang === 'fr' ? 'Résolu' : 'Resolved', closed: lang === 'fr' ? 'Fermé' : 'Closed' },
    typeName: {},
    byId: new Map([[group.id, group]]),
    day: (ms) => new Date(ms).toISOString().slice(0, 10),
  };
}

describe('audienceText', () => {
  it('counts a contact list in the language', () => {
    expect(audienceText({ kind: 'contacts', contacts: 1 }, words('en'))).toBe('A list of 1 person');
    expect(audienceText({ kind: 'contacts', contacts: 3 }, words('fr'))).toBe('Une liste de 3 personnes');
  });

  it('names a ticket filter’s conditions, groups by their name in the language and unknown ones by id', () => {
    const audience: CampaignAudience = {
      kind: 'ticketFilter',
      ticketFilter: { statuses: ['resolved', 'closed'], groupId: 'grp-field', categoryId: 'cat-gone', updatedFrom: 0 },
    };
    expect(audienceText(audience, words('en'))).toBe(
      'Callers of tickets: Resolved, Closed · Field <b>team</b> · cat-gone · updated from 1970-01-01',
    );
    expect(audienceText(audience, words('fr'))).toBe(
      'Demandeurs de billets : Résolu, Fermé · Équipe terrain · cat-gone · mis à jour depuis le 1970-01-01',
    );
  });

  it('names the surveys sent on resolution', () => {
    expect(audienceText(null, words('en'))).toBe('Sent when tickets are resolved');
  });
});
