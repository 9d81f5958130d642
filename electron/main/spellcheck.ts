import type { MenuItemConstructorOptions } from 'electron';

/** The app is bilingual (Canadian English and French). */
export const SPELLCHECK_LANGUAGES = ['en-CA', 'fr-CA'] as const;

/**
 * The dictionaries to ask for, among those Chromium offers: each wanted language exactly, else the first
 * dictionary of the same base language (fr-CA -> fr or fr-FR). Unknown languages would make Electron throw.
 */
export function pickSpellCheckerLanguages(wanted: readonly string[], available: readonly string[]): string[] {
  const picked = new Set<string>();
  for (const language of wanted) {
    const exact = available.find((a) => a.toLowerCase() === language.toLowerCase());
    const base = language.split('-')[0].toLowerCase();
    const sibling = available.find((a) => a.toLowerCase() === base || a.toLowerCase().startsWith(`${base}-`));
    const choice = exact ?? sibling;
    if (choice) picked.add(choice);
  }
  return [...picked];
}

/** The parts of Electron's ContextMenuParams used here. */
export interface ContextMenuParamsLike {
  isEditable: boolean;
  misspelledWord: string;
  dictionarySuggestions: string[];
  selectionText: string;
}

export interface SpellingActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

/** Right-click menu: spelling suggestions in editable fields, then the usual edit roles. Empty means none. */
export function buildContextMenuTemplate(
  params: ContextMenuParamsLike,
  actions: SpellingActions,
  labels: { addToDictionary: string },
): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const spelling: MenuItemConstructorOptions[] = params.misspelledWord
    ? [
        ...params.dictionarySuggestions
          .slice(0, 5)
          .map((word) => ({ label: word, click: () => actions.replaceMisspelling(word) })),
        { label: labels.addToDictionary, click: () => actions.addToDictionary(params.misspelledWord) },
        sep,
      ]
    : [];
  if (params.isEditable) return [...spelling, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, sep, { role: 'selectAll' }];
  return params.selectionText.trim() ? [{ role: 'copy' }] : [];
}
