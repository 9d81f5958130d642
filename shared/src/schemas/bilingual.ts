/** Languages the product ships; English and French as in Canada's public service. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text stored in both official languages. */
export interface BilingualText {
  en: string;
  fr: string;
}

/** Picks the text in the wanted language, falling back to the other one when it is empty. */
export function pickLanguage(text: BilingualText, lang: Language): string {
  const other: Language = lang === 'en' ? 'fr' : 'en';
  return text[lang] || text[other];
}
