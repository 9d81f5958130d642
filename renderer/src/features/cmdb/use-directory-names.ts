import { useCallback } from 'react';
import { useDirectory } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';

/** A user's or group's name from the directory in the UI language (groups have a French name); undefined if unknown. */
export function useDirectoryNames(): (id: string) => string | undefined {
  const { byId } = useDirectory();
  const lang = useLanguage();
  return useCallback(
    (id: string) => {
      const entry = byId.get(id);
      return entry ? (lang === 'fr' && entry.nameFr) || entry.name : undefined;
    },
    [byId, lang],
  );
}
