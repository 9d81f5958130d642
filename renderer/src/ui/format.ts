import { format, formatDistanceToNow } from 'date-fns';
import { enCA, frCA } from 'date-fns/locale';
import { useMemo } from 'react';
import { useLanguage } from '../i18n/index.js';

/**
 * Time of day as each language writes it: "5:04 AM" in Canadian English, "05 h 04" in Canadian French (the
 * Government of Canada's style guide; date-fns' fr-CA gives "05:04").
 */
const TIME_PATTERN = { en: 'p', fr: "HH 'h' mm" } as const;

/** Formatters of dates and times in a language (pure, for code outside React too). */
export function formattersFor(lang: 'en' | 'fr') {
  const locale = lang === 'fr' ? frCA : enCA;
  const numberFormat = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA');
  const percentFormat = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { style: 'percent', maximumFractionDigits: 0 });
  const time = TIME_PATTERN[lang];
  return {
    locale,
    dateTime: (ms: number) => format(ms, `PP ${time}`, { locale }),
    /** A calendar day stored as `YYYY-MM-DD` (a review date), read as that day wherever the reader is. */
    day: (isoDay: string) => {
      const [y, m, d] = isoDay.split('-').map(Number);
      return format(new Date(y, m - 1, d), 'PP', { locale });
    },
    time: (ms: number) => format(ms, time, { locale }),
    ago: (ms: number) => formatDistanceToNow(ms, { locale, addSuffix: true }),
    number: (n: number) => numberFormat.format(n),
    /** A share 0..1 as a whole percentage: "33%" in English, "33 %" in French. */
    percent: (share: number) => percentFormat.format(share),
  };
}

/** Date and number formatting in the UI language (Canadian English and French). */
export function useFormatters() {
  const lang = useLanguage();
  return useMemo(() => formattersFor(lang), [lang]);
}
