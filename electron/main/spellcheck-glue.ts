import { Menu, type Session, type WebContents } from 'electron';
import type { Labels } from './labels.js';
import { logger } from './logger.js';
import { buildContextMenuTemplate, pickSpellCheckerLanguages, SPELLCHECK_LANGUAGES } from './spellcheck.js';

/** Glue: English and French (Canada) dictionaries where Chromium's spellchecker is used (not macOS: the OS checker). */
export function configureSpellChecker(session: Session): void {
  if (process.platform === 'darwin') return;
  const languages = pickSpellCheckerLanguages(SPELLCHECK_LANGUAGES, session.availableSpellCheckerLanguages);
  try {
    if (languages.length > 0) session.setSpellCheckerLanguages(languages);
  } catch (error) {
    logger.warn('Could not set the spellchecker languages', error);
  }
}

/** Glue: right-click menu with spelling suggestions and edit commands. */
export function installContextMenu(contents: WebContents, labels: () => Labels): void {
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(
      params,
      {
        replaceMisspelling: (word) => contents.replaceMisspelling(word),
        addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
      },
      labels(),
    );
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}
