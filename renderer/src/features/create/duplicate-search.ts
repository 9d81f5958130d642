import type { Ticket } from '@shared';
import { rankDuplicates } from '@shared/domain/duplicate-hint.js';
import type { DuplicateHint } from '@shared/domain/duplicate-hint.js';
import MiniSearch from 'minisearch';
import { foldText } from '../kb/kb-search.js';

export interface DuplicateFinder {
  find(title: string, callerId: string, limit?: number): DuplicateHint<Ticket>[];
}

/** A MiniSearch index over open tickets' titles; ranking (title score + same caller) is the shared rankDuplicates. */
export function buildDuplicateFinder(tickets: readonly Ticket[]): DuplicateFinder {
  const index = new MiniSearch<{ id: string; title: string }>({
    fields: ['title'],
    processTerm: (term) => (term.length < 3 ? null : foldText(term)),
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'OR' },
  });
  index.addAll(tickets.map((t) => ({ id: t.id, title: t.title })));
  return {
    find(title, callerId, limit = 5) {
      const q = title.trim();
      if (q.length < 3) return [];
      const hits = index.search(q).map((r) => ({ id: String(r.id), score: r.score }));
      return rankDuplicates(tickets, hits, callerId, limit);
    },
  };
}
