import { format, formatDistanceToNow } from 'date-fns';
import { enCA, frCA } from 'date-fns/locale';
import { useMemo } from 'react';
import { useLanguage } from '../i18n/index.js';

/** Date and number formatting in the UI language (Canadian English and French). */
export function useFormatters() {
  const lang = useLanguage();
  return useMemo(() => {
    const locale = lang === 'fr' ? frCA : enCA;
    const numberFormat = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA');
    return {
      dateTime: (ms: number) => format(ms, 'PP p', { locale }),
      time: (ms: number) => format(ms, 'p', { locale }),
      ago: (ms: number) => formatDistanceToNow(ms, { locale, addSuffix: true }),
      number: (n: number) => numberFormat.format(n),
    };
  }, [lang]);
}
