import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../data/queue-index/fold-text.js';
import { CI_QUERY_OPTIONS, tokenizeCiText } from './ci-search.js';
import { CiTextIndex } from './ci-text-index.js';

interface Doc {
  id: string;
  name: string;
  serial: string;
  attributes: string;
}

const FIELDS = [
  { name: 'name', boost: 3 },
  { name: 'serial', boost: 3 },
  { name: 'attributes', boost: 1 },
];

/** MiniSearch as the CI list configured it before `CiTextIndex`: the reference for results and scores. */
function reference(docs: readonly Doc[]): MiniSearch<Doc> {
  const mini = new MiniSearch<Doc>({
    fields: ['name', 'serial', 'attributes'],
    tokenize: tokenizeCiText,
    processTerm: (term) => foldText(term),
    searchOptions: {
      boost: { name: 3, serial: 3 },
      prefix: (term, i, terms) => CI_QUERY_OPTIONS.prefix(term, i, terms.length),
      fuzzy: (term) => CI_QUERY_OPTIONS.fuzzy(term),
      maxFuzzy: CI_QUERY_OPTIONS.maxFuzzy,
      combineWith: 'AND',
    },
  });
  mini.addAll(docs);
  return mini;
}

const textsOf = (d: Doc): string[] => [d.name, d.serial, d.attributes];

function indexOf(docs: readonly Doc[]): CiTextIndex {
  const index = new CiTextIndex(FIELDS, tokenizeCiText, foldText, CI_QUERY_OPTIONS);
  for (const d of docs) index.set(d.id, textsOf(d), d.id);
  return index;
}

/** Results as id → score, for comparing two rankings whose ties may be ordered differently. */
const scores = (results: readonly { id: unknown; score: number }[]): Map<string, number> =>
  new Map(results.map((r) => [String(r.id), r.score]));

function expectSameRanking(
  ours: readonly { id: string; score: number }[],
  theirs: readonly { id: unknown; score: number }[],
): void {
  const mine = scores(ours);
  const ref = scores(theirs);
  expect([...mine.keys()].sort()).toEqual([...ref.keys()].sort());
  for (const [id, score] of ref) expect(mine.get(id)).toBeCloseTo(score, 9);
  // Best first.
  for (let k = 1; k < ours.length; k++) expect(ours[k - 1].score).toBeGreaterThanOrEqual(ours[k].score);
}

// Words with accents, codes with digits and words close to each other (typos), so prefix and fuzzy matches meet.
const WORDS = ['Rémunération', 'remuneration', 'Réseau', 'reseaux', 'Gatineau', 'Gatinaeu', 'serveur', 'serveurs', 'Poste'];
const CODES = ['GAT-DB-01', 'GAT-DB-02', 'CZ2041XK7Q', 'CZ2041XK7R', 'PF3XQ21', '10.0.1.5', 'Windows 11', 'T14'];
const word = fc.constantFrom(...WORDS, ...CODES);
const text = fc.array(word, { maxLength: 4 }).map((w) => w.join(' '));
const docs = fc
  .array(fc.record({ name: text, serial: fc.constantFrom('', ...CODES), attributes: text }), { minLength: 1, maxLength: 25 })
  .map((list) => list.map((d, i): Doc => ({ id: `ci-${i}`, ...d })));
const query = fc.oneof(
  fc.array(fc.constantFrom(...WORDS, ...CODES), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  // What people type: the start of a word or code.
  fc.tuple(fc.constantFrom(...WORDS, ...CODES), fc.integer({ min: 1, max: 8 })).map(([w, n]) => w.slice(0, n)),
);

describe('CiTextIndex', () => {
  it('finds the documents MiniSearch finds, with its scores, best first (words and codes, typos, prefixes)', () => {
    fc.assert(
      fc.property(docs, query, (list, q) => {
        // Fuzzy matches reach only terms without digits; MiniSearch is given the same rule by leaving the codes out
        // of its fuzzy candidates, which it cannot: compare on queries whose fuzzy matches could not reach a code.
        const ours = indexOf(list).search(q);
        const theirs = reference(list).search(q);
        const fuzzyOnCode = theirs.some((r) => r.terms.some((t) => /\d/.test(t) && !r.queryTerms.some((qt) => t.startsWith(qt))));
        fc.pre(!fuzzyOnCode);
        expectSameRanking(ours, theirs);
      }),
      { numRuns: 300 },
    );
  });

  it('searches only the fields asked, with their boosts', () => {
    const list: Doc[] = [
      { id: 'a', name: 'Oracle', serial: '', attributes: '' },
      { id: 'b', name: 'Base', serial: '', attributes: 'Oracle' },
    ];
    expect(indexOf(list).searchIds('oracle', ['name'])).toEqual(['a']);
    expect(indexOf(list).searchIds('oracle')).toEqual(['a', 'b']);
    expect(indexOf(list).searchValues('oracle')).toEqual(['a', 'b']);
    expectSameRanking(indexOf(list).search('oracle', ['name']), reference(list).search('oracle', { fields: ['name'] }));
  });

  it('keeps MiniSearch’s scores as documents are replaced and removed, across compactions', () => {
    const list: Doc[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `ci-${i}`,
      name: `${WORDS[i % WORDS.length]} ${i}`,
      serial: CODES[i % CODES.length],
      attributes: WORDS[(i * 7) % WORDS.length],
    }));
    const index = indexOf(list);
    const kept = new Map(list.map((d) => [d.id, d]));
    // Rename a third, remove two thirds of the rest (past the compaction threshold).
    for (const d of list) {
      const n = Number(d.id.slice(3));
      if (n % 3 === 0) {
        index.remove(d.id, textsOf(d));
        const renamed = { ...d, name: `Poste ${n}` };
        index.set(d.id, textsOf(renamed), d.id);
        kept.set(d.id, renamed);
      } else if (n % 3 === 1 || n % 5 === 0) {
        index.remove(d.id, textsOf(d));
        kept.delete(d.id);
      }
    }
    expect(index.size).toBe(kept.size);
    const ref = reference([...kept.values()]);
    for (const q of ['poste', 'gatineau', 'remuneration 12', 'cz20', 'reseau', 'serveur']) {
      expectSameRanking(index.search(q), ref.search(q));
    }
  });

  it('never forgives a typo towards a code, and finds codes exactly and by prefix', () => {
    const list: Doc[] = [
      { id: 'a', name: 'Poste1', serial: '', attributes: '' },
      { id: 'b', name: 'Poste', serial: 'CZ2041', attributes: '' },
    ];
    expect(indexOf(list).searchIds('postes')).toEqual(['b']);
    expect(indexOf(list).searchIds('poste1')).toEqual(['a']);
    expect(indexOf(list).searchIds('cz20')).toEqual(['b']);
  });
});
