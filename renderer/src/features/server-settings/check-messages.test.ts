import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { normalizeServerUrl } from '../../platform/server-check.web.js';
import { checkMessage } from './check-messages.js';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en', returnNull: false });
});

describe('checkMessage for a plain http address of another computer', () => {
  it.each([
    ['en', 'Secure address required'],
    ['fr', 'Adresse sécurisée requise'],
  ])('says in %s to use https://, apart from other invalid addresses', (language, title) => {
    const t: TFunction = i18n.getFixedT(language);
    const refused = normalizeServerUrl('http://desk.example.org');
    expect(refused.ok).toBe(false);
    const message = checkMessage({ status: 'https-required', reason: refused.ok ? '' : refused.reason }, t);
    expect(message.title).toBe(title);
    expect(message.body).toContain('https://');
    expect(message.body).not.toBe(checkMessage({ status: 'invalid-url', reason: 'x' }, t).body);
  });
});
