import type { KbArticle, Language } from '@shared';
import { pickLanguage } from '@shared';
import MiniSearch from 'minisearch';
import { foldText } from '../../data/index.js';

export { foldText };

interface IndexedArticle {
  id: string;
  number: string;
  title: string;
  body: string;
  tags: string;
}

export interface ArticleIndex {
  /** Article ids matching the query, best first; every article (in the given order) for an empty query. */
  search(query: string): string[];
  /** Articles relevant to a free text (a ticket's title and description): any term may match, best first. */
  suggest(text: string, limit?: number): string[];
}

/**
 * A MiniSearch index of the articles in one language (falling back to the other when a translation is empty), tags
 * also by their name in that language.
 */
export function buildArticleIndex(
  articles: readonly KbArticle[],
  lang: Language,
  tagLabel: (tag: string) => string = (tag) => tag,
): ArticleIndex {
  const index = new MiniSearch<IndexedArticle>({
    fields: ['number', 'title', 'body', 'tags'],
    processTerm: (term) => foldText(term),
    // Prefix matching from 3 letters and typo tolerance from 5: short words ("de", "le") would otherwise expand to
    // a large part of the vocabulary and dominate the search time. Accents and case are folded by processTerm.
    searchOptions: {
      boost: { title: 3, number: 3, tags: 2 },
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      maxFuzzy: 2,
      combineWith: 'AND',
    },
  });
  index.addAll(
    articles.map((a) => ({
      id: a.id,
      number: a.number,
      title: pickLanguage(a.title, lang),
      body: pickLanguage(a.body, lang),
      // A tag is found as written and by its name in the reader's language (« mot de passe » finds « password »).
      tags: a.tags.flatMap((tag) => [tag, tagLabel(tag)]).join(' '),
    })),
  );
  const all = articles.map((a) => a.id);
  return {
    search(query) {
      const q = query.trim();
      if (!q) return all;
      return index.search(q).map((r) => String(r.id));
    },
    suggest(text, limit = 5) {
      const terms = text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
      if (terms.length === 0) return [];
      return index
        .search(terms.join(' '), { combineWith: 'OR', prefix: false, fuzzy: 0.1 })
        .slice(0, limit)
        .map((r) => String(r.id));
    },
  };
}
