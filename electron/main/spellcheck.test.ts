import { describe, expect, it, vi } from 'vitest';
import { buildContextMenuTemplate, pickSpellCheckerLanguages, SPELLCHECK_LANGUAGES } from './spellcheck.js';

describe('pickSpellCheckerLanguages', () => {
  it('takes exact matches', () => {
    expect(pickSpellCheckerLanguages(SPELLCHECK_LANGUAGES, ['en-US', 'en-CA', 'fr-CA', 'fr-FR'])).toEqual(['en-CA', 'fr-CA']);
  });
  it('falls back to the same base language', () => {
    expect(pickSpellCheckerLanguages(SPELLCHECK_LANGUAGES, ['en-US', 'en-GB', 'fr', 'de'])).toEqual(['en-US', 'fr']);
    expect(pickSpellCheckerLanguages(SPELLCHECK_LANGUAGES, ['fr-FR'])).toEqual(['fr-FR']);
  });
  it('asks for nothing when no dictionary fits (macOS reports none and uses the OS checker)', () => {
    expect(pickSpellCheckerLanguages(SPELLCHECK_LANGUAGES, [])).toEqual([]);
    expect(pickSpellCheckerLanguages(SPELLCHECK_LANGUAGES, ['de', 'french'])).toEqual([]);
  });
});

describe('buildContextMenuTemplate', () => {
  const labels = { addToDictionary: 'Add to dictionary' };
  const base = { isEditable: true, misspelledWord: '', dictionarySuggestions: [], selectionText: '' };

  it('offers suggestions for a misspelled word, then edit roles', () => {
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    const menu = buildContextMenuTemplate(
      { ...base, misspelledWord: 'tikcet', dictionarySuggestions: ['ticket', 'tickets'] },
      actions,
      labels,
    );
    expect(menu.map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'ticket',
      'tickets',
      'Add to dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
    (menu[0].click as () => void)();
    (menu[2].click as () => void)();
    expect(actions.replaceMisspelling).toHaveBeenCalledWith('ticket');
    expect(actions.addToDictionary).toHaveBeenCalledWith('tikcet');
  });

  it('offers copy for selected text and nothing otherwise', () => {
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    expect(buildContextMenuTemplate({ ...base, isEditable: false, selectionText: 'VPN' }, actions, labels)).toEqual([
      { role: 'copy' },
    ]);
    expect(buildContextMenuTemplate({ ...base, isEditable: false }, actions, labels)).toEqual([]);
  });
});
