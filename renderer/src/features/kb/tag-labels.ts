import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A knowledge tag in the reader's language. Tags are stored as written (the seeded ones in English); the common ones
 * have a name in each language (kb.tagNames), any other shows as written. Read as a table, never as an i18n key:
 * a tag is user text and may hold "." or ":".
 */
export function useTagLabel(): (tag: string) => string {
  const { t, i18n } = useTranslation();
  const names = useMemo(() => {
    const table: unknown = t('kb.tagNames', { returnObjects: true });
    return typeof table === 'object' && table !== null ? (table as Record<string, string>) : {};
    // i18n.language: the table is the language's.
  }, [t, i18n.language]);
  return useCallback((tag: string) => (Object.hasOwn(names, tag) ? names[tag] : tag), [names]);
}
