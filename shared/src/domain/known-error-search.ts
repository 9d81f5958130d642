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
/** Words of an incident's description a suggestion searches by, after its title's: the start says what is wrong. */
const DESCRIPTION_TERMS = 24;

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
      const terms = [
        ...new Set([...significantTerms(incident.title, 12), ...significantTerms(incident.description, DESCRIPTION_TERMS)]),
      ];
      const scores = new Map<string, number>();
      if (terms.length > 0) {
        const hits = index.search(terms.join(' '), { combineWith: 'OR', prefix: false });
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
