import MiniSearch from 'minisearch';
import { foldText } from '../metrics/verbatims.js';
import type { KnownError, Ticket } from '../schemas/ticket.js';
import { significantTerms } from './problem-candidates.js';
import { problemPhaseOf } from './problem-lifecycle.js';

/**
 * The known-error database searched offline (issue 19): the known errors of the problems on the device, found by
 * words in either language whatever their accents and case, and suggested beside an incident ranked by its title,
 * description, category and CIs. One index for English and French together: an agent types in their language, a
 * caller describes the fault in theirs, and a known error written in both matches either.
 */

/** What the search reads of a problem that carries a known error. */
export type KnownErrorSource = Pick<Ticket, 'id' | 'number' | 'title' | 'categoryId'> & {
  knownError: KnownError;
  ciIds?: readonly string[];
};

/** What an incident offers to rank known errors by. */
export type IncidentClues = Pick<Ticket, 'title' | 'description' | 'categoryId'> & { ciIds?: readonly string[] };

export interface KnownErrorHit {
  id: string;
  score: number;
}

export interface KnownErrorIndex {
  /** Known errors matching every word typed (the last one as a prefix), best first; none for a blank query. */
  search(query: string, limit?: number): KnownErrorHit[];
  /** Known errors that may explain an incident, best first: any word, plus the same CIs and category. */
  suggestFor(incident: IncidentClues, limit?: number): KnownErrorHit[];
}

/**
 * The problems whose known error agents should find: those in the known-error phase, and resolved ones (the fix
 * may not have reached every device or site yet). A closed problem's known error is history.
 */
export function publishedKnownErrors(tickets: readonly Ticket[]): KnownErrorSource[] {
  const out: KnownErrorSource[] = [];
  for (const ticket of tickets) {
    if (ticket.type !== 'problem' || !ticket.knownError) continue;
    const phase = problemPhaseOf(ticket);
    if (phase === 'known_error' || phase === 'resolved') out.push({ ...ticket, knownError: ticket.knownError });
  }
  return out;
}

interface IndexedKnownError {
  id: string;
  number: string;
  title: string;
  symptoms: string;
  cause: string;
  workaround: string;
}

/**
 * How much a suggestion's parts weigh: the best text match counts TEXT_WEIGHT (others in proportion), each shared CI
 * and the category add to it.
 */
const TEXT_WEIGHT = 10;
const SHARED_CI_BONUS = 6;
const SAME_CATEGORY_BONUS = 3;
/** Words of an incident's title and description a suggestion looks at: the start says what is wrong. */
const TITLE_TERMS = 10;
const DESCRIPTION_TERMS = 20;
/**
 * The words a suggestion searches by: the rarest among the known errors of those it looked at, at most
 * SUGGESTION_QUERY_TERMS, leaving out words more than COMMON_SHARE of the known errors hold (unless only such words
 * are left: then the FALLBACK_TERMS rarest). A word a fifth of the known errors contain ranks little (its weight is
 * low) yet makes each of them a result to score and sort, and an incident description holds many such words:
 * measured on 5,000 known errors written from a small vocabulary, twelve words cost 17 ms a suggestion, three 4 ms.
 */
const SUGGESTION_QUERY_TERMS = 6;
const COMMON_SHARE = 0.2;
const FALLBACK_TERMS = 3;
/** Below this many known errors holding it, no word is common: a small database is searched by every clue. */
const COMMON_FLOOR = 50;

/** The words of a text as the index holds them (folded), for the document frequencies. */
const indexWords = (text: string): string[] => foldText(text).split(/[^\p{L}\p{N}]+/u);

/** Builds the index once per set of known errors (the client rebuilds it when the problems on the device change). */
export function buildKnownErrorIndex(sources: readonly KnownErrorSource[]): KnownErrorIndex {
  const index = new MiniSearch<IndexedKnownError>({
    fields: ['number', 'title', 'symptoms', 'cause', 'workaround'],
    processTerm: (term) => foldText(term),
    searchOptions: {
      boost: { number: 3, title: 3, symptoms: 2 },
      // As the knowledge base's search: short words would expand to much of the vocabulary.
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      maxFuzzy: 2,
    },
  });
  const both = (text: { en: string; fr: string }): string => `${text.en}\n${text.fr}`;
  index.addAll(
    sources.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      symptoms: both(s.knownError.symptoms),
      cause: both(s.knownError.cause),
      workaround: both(s.knownError.workaround),
    })),
  );
  // How many known errors hold each word, to pick an incident's discriminating words (SUGGESTION_QUERY_TERMS).
  const documentFrequency = new Map<string, number>();
  for (const s of sources) {
    const k = s.knownError;
    const words = new Set(
      indexWords([s.title, k.symptoms.en, k.symptoms.fr, k.cause.en, k.cause.fr, k.workaround.en, k.workaround.fr].join(' ')),
    );
    for (const word of words) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  const byCategory = new Map<string, string[]>();
  const byCi = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string): void => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const s of sources) {
    if (s.categoryId !== '') add(byCategory, s.categoryId, s.id);
    for (const ciId of new Set(s.ciIds ?? [])) add(byCi, ciId, s.id);
  }

  const ranked = (scores: Map<string, number>, limit: number): KnownErrorHit[] =>
    [...scores]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, limit);

  return {
    search(query, limit = 20) {
      const words = query.trim();
      if (words === '') return [];
      // Only the last word is still being typed, so only it matches as a prefix.
      const hits = index.search(words, {
        combineWith: 'AND',
        prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
      });
      return hits.slice(0, limit).map((hit) => ({ id: String(hit.id), score: hit.score }));
    },
    suggestFor(incident, limit = 5) {
      const clues = new Set([
        ...significantTerms(incident.title, TITLE_TERMS),
        ...significantTerms(incident.description, DESCRIPTION_TERMS),
      ]);
      const known = [...clues].filter((term) => documentFrequency.has(term));
      known.sort((a, b) => documentFrequency.get(a)! - documentFrequency.get(b)!);
      const common = Math.max(COMMON_SHARE * sources.length, COMMON_FLOOR);
      const rare = known.filter((term) => documentFrequency.get(term)! <= common);
      const terms = rare.length > 0 ? rare.slice(0, SUGGESTION_QUERY_TERMS) : known.slice(0, FALLBACK_TERMS);
      const scores = new Map<string, number>();
      if (terms.length > 0) {
        // Exact words only: the incident's words are many, and fuzzy or prefix matching each would multiply the work.
        const hits = index.search(terms.join(' '), { combineWith: 'OR', prefix: false, fuzzy: false });
        const best = hits[0]?.score ?? 0;
        for (const hit of hits) scores.set(String(hit.id), (hit.score / best) * TEXT_WEIGHT);
      }
      for (const ciId of new Set(incident.ciIds ?? [])) {
        for (const id of byCi.get(ciId) ?? []) scores.set(id, (scores.get(id) ?? 0) + SHARED_CI_BONUS);
      }
      // The category only ranks what the words or CIs found: alone it would suggest every known error of a broad
      // category ("Hardware") in no useful order.
      for (const id of incident.categoryId !== '' ? (byCategory.get(incident.categoryId) ?? []) : []) {
        const score = scores.get(id);
        if (score !== undefined) scores.set(id, score + SAME_CATEGORY_BONUS);
      }
      return ranked(scores, limit);
    },
  };
}
