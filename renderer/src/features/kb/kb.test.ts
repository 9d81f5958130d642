// @vitest-environment jsdom
import type { KbArticle } from '@shared';
import { describe, expect, it } from 'vitest';
import { buildArticleIndex, foldText } from './kb-search.js';
import { renderMarkdown, safeHref } from './markdown.js';

const article = (id: string, en: string, fr: string, body = ''): KbArticle => ({
  id,
  number: `KB${id}`,
  title: { en, fr },
  body: { en: body, fr: body },
  status: 'published',
  categoryId: '',
  tags: [],
  version: 1,
  authorId: 'u-1',
  updatedAt: 1,
});

describe('knowledge base search', () => {
  const articles = [
    article('1', 'Reset your password', 'Réinitialiser le mot de passe'),
    article('2', 'Network printer setup', 'Configurer l’imprimante réseau'),
  ];

  it('ignores accents and case, in the current language', () => {
    expect(foldText('Réseau ÉTÉ')).toBe('reseau ete');
    const fr = buildArticleIndex(articles, 'fr');
    expect(fr.search('RESEAU')).toEqual(['2']);
    expect(fr.search('réinitialiser')).toEqual(['1']);
    expect(buildArticleIndex(articles, 'en').search('printer')).toEqual(['2']);
  });

  it('matches prefixes from three letters and typos in longer words, accents and case ignored', () => {
    const fr = buildArticleIndex(articles, 'fr');
    expect(fr.search('impri')).toEqual(['2']);
    expect(fr.search('Imprimantte')).toEqual(['2']);
    expect(buildArticleIndex(articles, 'en').search('pasword')).toEqual(['1']);
    // Two letters match whole words only: "re" is no word of either title.
    expect(fr.search('re')).toEqual([]);
  });

  it('suggests articles for a ticket text, any term matching, accents ignored', () => {
    const fr = buildArticleIndex(articles, 'fr');
    expect(fr.suggest('L’imprimante du reseau ne répond plus')).toEqual(['2']);
    expect(fr.suggest('a b')).toEqual([]);
  });

  it("finds a tag by its name in the reader's language, and as written", () => {
    const tagged = [{ ...article('3', 'Badge reader', 'Lecteur de badge'), tags: ['phishing'] }, ...articles];
    const names: Record<string, string> = { phishing: 'hameçonnage' };
    const fr = buildArticleIndex(tagged, 'fr', (tag) => names[tag] ?? tag);
    expect(fr.search('hameconnage')).toEqual(['3']);
    expect(fr.search('phishing')).toEqual(['3']);
    expect(buildArticleIndex(tagged, 'fr').search('hameconnage')).toEqual([]);
  });

  it('lists every article for an empty query', () => {
    expect(buildArticleIndex(articles, 'en').search('  ')).toEqual(['1', '2']);
  });
});

describe('markdown rendering', () => {
  it('escapes raw HTML and neutralises dangerous links', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org)');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://example.org"');
    expect(safeHref('java\tscript:alert(1)')).toBe('#');
    expect(safeHref('/relative')).toBe('/relative');
  });
});
