import type { CampaignContact, Language } from '@shared';
import Papa from 'papaparse';

/** The contacts read from pasted lines or a CSV file, and the lines that could not be read (1-based). */
export interface ParsedContacts {
  contacts: CampaignContact[];
  problems: { line: number; text: string }[];
}

const HEADER = /^e-?mail$/i;

/**
 * Reads contacts as "e-mail, name, language" per line (name and language optional; language en or fr, else
 * `fallback`), from a paste or a CSV file, with or without a header row. Whether an address is usable is the
 * server's to say (the preview names unusable ones); a line without anything like an address is reported here.
 */
export function parseContacts(text: string, fallback: Language): ParsedContacts {
  const { data } = Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' });
  const contacts: CampaignContact[] = [];
  const problems: ParsedContacts['problems'] = [];
  data.forEach((row, i) => {
    const [email = '', name = '', language = ''] = row.map((cell) => cell.trim());
    if (i === 0 && HEADER.test(email)) return;
    if (!email.includes('@')) {
      problems.push({ line: i + 1, text: row.join(', ') });
      return;
    }
    const lang = language.toLowerCase();
    contacts.push({ email, ...(name ? { name } : {}), language: lang === 'fr' || lang === 'en' ? lang : fallback });
  });
  return { contacts, problems };
}
