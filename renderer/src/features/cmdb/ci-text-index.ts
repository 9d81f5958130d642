import SearchableMap from 'minisearch/SearchableMap';

/**
 * The CI list's full-text index: MiniSearch's ranking (BM25 per field with the same parameters, prefix and fuzzy
 * expansions weighted as MiniSearch weighs them, every query term required) over postings kept as plain arrays of
 * document numbers, scored into typed arrays. MiniSearch allocates a result object, a terms array and a match
 * object per matching document and posting; a two-letter query such as "PC" matches 20,000 of 50,000 CIs, which
 * took it 25–50 ms before any sorting. Here it is a walk over number arrays. Terms (exact, prefix, fuzzy) are still
 * found in MiniSearch's radix tree (`SearchableMap`); fuzzy lookups walk only the terms `fuzzyTarget` admits.
 * `ci-text-index.test.ts` checks results and scores equal MiniSearch's with the same options.
 */

export interface TextField {
  name: string;
  boost: number;
}

/** A term's documents in one field: parallel arrays, with how many of those documents are still indexed. */
interface Posting {
  docs: number[];
  freqs: number[];
  live: number;
}

type TermEntry = (Posting | undefined)[];

export interface TextQueryOptions {
  /** Whether query term i (of `count`) is matched as a prefix too. */
  prefix: (term: string, i: number, count: number) => boolean;
  /** The fuzziness of a term: false, or a fraction of its length (capped by `maxFuzzy`). */
  fuzzy: (term: string) => number | false;
  maxFuzzy: number;
  /**
   * Whether an indexed term may be reached by a fuzzy (typo-forgiving) match. Terms left out are still found exactly
   * and by prefix; the CI list leaves out terms with digits (serial numbers, addresses, asset tags): tens of
   * thousands of random codes made every fuzzy lookup walk most of the dictionary, and a word with a typo that
   * "matches" a code is noise, as a code with a typo is (`fuzzy`).
   */
  fuzzyTarget: (term: string) => boolean;
}

export interface ScoredDoc {
  id: string;
  score: number;
}

// MiniSearch's defaults (weights and BM25 parameters), so ranking is the one the list had.
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;

/** `T`: what a search returns for each document besides its id (the CI list keeps the CI itself). */
export class CiTextIndex<T = string> {
  private terms = new SearchableMap<TermEntry>();
  /** The terms `fuzzyTarget` admits, with the same entries: what fuzzy lookups walk. */
  private fuzzyTerms = new SearchableMap<TermEntry>();
  /** Document number → id; undefined once removed (postings keep the number until the next compaction). */
  private ids: (string | undefined)[] = [];
  /** Document number → the value given with it (same numbering as `ids`). */
  private values: (T | undefined)[] = [];
  private numberOf = new Map<string, number>();
  /** Per field, document number → count of distinct tokens (MiniSearch's field length). */
  private lengths: number[][];
  private totalLength: number[];
  private liveCount = 0;
  private deadCount = 0;
  /** Per document: the query step that last reached it, and its score so far (reused between searches). */
  private mark = new Int32Array(0);
  private score = new Float64Array(0);
  private step = 0;

  constructor(
    private readonly fields: readonly TextField[],
    private readonly tokenize: (text: string) => string[],
    private readonly processTerm: (term: string) => string,
    private readonly options: TextQueryOptions,
  ) {
    this.lengths = fields.map(() => []);
    this.totalLength = fields.map(() => 0);
  }

  get size(): number {
    return this.liveCount;
  }

  /** Indexes a document (its field texts in the order of `fields`) with the value searches return for it. */
  set(id: string, texts: readonly string[], value: T): void {
    if (this.numberOf.has(id)) throw new Error(`CiTextIndex: ${id} is indexed; remove it first`);
    const doc = this.ids.length;
    this.ids.push(id);
    this.values.push(value);
    this.numberOf.set(id, doc);
    this.liveCount++;
    this.fields.forEach((_, f) => {
      const tokens = this.tokenize(texts[f] ?? '');
      const length = new Set(tokens).size;
      this.lengths[f][doc] = length;
      this.totalLength[f] += length;
      const freqs = new Map<string, number>();
      for (const token of tokens) {
        const term = this.processTerm(token);
        if (term) freqs.set(term, (freqs.get(term) ?? 0) + 1);
      }
      for (const [term, freq] of freqs) {
        let entry = this.terms.get(term);
        if (!entry) {
          this.terms.set(term, (entry = []));
          if (this.options.fuzzyTarget(term)) this.fuzzyTerms.set(term, entry);
        }
        let posting = entry[f];
        if (!posting) entry[f] = posting = { docs: [], freqs: [], live: 0 };
        posting.docs.push(doc);
        posting.freqs.push(freq);
        posting.live++;
      }
    });
  }

  /**
   * Forgets a document, given the texts it was indexed with (so the document counts of its terms fall): its number
   * is left in the postings, skipped, and dropped at the next compaction.
   */
  remove(id: string, texts: readonly string[]): void {
    const doc = this.numberOf.get(id);
    if (doc === undefined) return;
    this.numberOf.delete(id);
    this.ids[doc] = undefined;
    this.values[doc] = undefined;
    this.liveCount--;
    this.deadCount++;
    this.fields.forEach((_, f) => {
      this.totalLength[f] -= this.lengths[f][doc];
    });
    this.forgetTerms(texts);
    if (this.deadCount > 1000 && this.deadCount > this.liveCount) this.compact();
  }

  /** The document frequencies (IDF) fall with a removed document. */
  private forgetTerms(texts: readonly string[]): void {
    this.fields.forEach((_, f) => {
      const seen = new Set<string>();
      for (const token of this.tokenize(texts[f] ?? '')) {
        const term = this.processTerm(token);
        if (!term || seen.has(term)) continue;
        seen.add(term);
        const posting = this.terms.get(term)?.[f];
        if (posting) posting.live--;
      }
    });
  }

  /** Renumbers the live documents and drops the removed ones from every posting. */
  private compact(): void {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: (string | undefined)[] = [];
    const values: (T | undefined)[] = [];
    const lengths: number[][] = this.fields.map(() => []);
    this.ids.forEach((id, doc) => {
      if (id === undefined) return;
      renumber[doc] = ids.length;
      this.numberOf.set(id, ids.length);
      this.fields.forEach((_, f) => lengths[f].push(this.lengths[f][doc]));
      ids.push(id);
      values.push(this.values[doc]);
    });
    const emptied: string[] = [];
    for (const [term, entry] of this.terms) {
      let any = false;
      entry.forEach((posting, f) => {
        if (!posting) return;
        const docs: number[] = [];
        const freqs: number[] = [];
        posting.docs.forEach((doc, k) => {
          if (renumber[doc] < 0) return;
          docs.push(renumber[doc]);
          freqs.push(posting.freqs[k]);
        });
        if (docs.length === 0) entry[f] = undefined;
        else {
          entry[f] = { docs, freqs, live: docs.length };
          any = true;
        }
      });
      if (!any) emptied.push(term);
    }
    for (const term of emptied) {
      this.terms.delete(term);
      this.fuzzyTerms.delete(term);
    }
    this.ids = ids;
    this.values = values;
    this.lengths = lengths;
    this.deadCount = 0;
  }

  /**
   * The documents matching every term of the query, best first (ties in indexing order), searched in the given
   * fields (every field by default).
   */
  search(query: string, fieldNames?: readonly string[]): ScoredDoc[] {
    const { docs, quality } = this.run(query, fieldNames);
    return docs.map((doc) => ({ id: this.ids[doc] ?? '', score: this.score[doc] * quality }));
  }

  /** The ids only, best first. */
  searchIds(query: string, fieldNames?: readonly string[]): string[] {
    const { docs } = this.run(query, fieldNames);
    const out = new Array<string>(docs.length);
    for (let k = 0; k < docs.length; k++) out[k] = this.ids[docs[k]] ?? '';
    return out;
  }

  /** The documents' values, best first: what the list needs (no lookup by id per result). */
  searchValues(query: string, fieldNames?: readonly string[]): T[] {
    const { docs } = this.run(query, fieldNames);
    const out: T[] = [];
    for (const doc of docs) {
      const value = this.values[doc];
      if (value !== undefined) out.push(value);
    }
    return out;
  }

  private run(query: string, fieldNames: readonly string[] | undefined): { docs: number[]; quality: number } {
    const queryTerms = this.tokenize(query)
      .map((token) => this.processTerm(token))
      .filter(Boolean);
    if (queryTerms.length === 0 || this.liveCount === 0) return { docs: [], quality: 0 };
    const fields = this.fields.map((field) => (fieldNames && !fieldNames.includes(field.name) ? 0 : field.boost));
    if (this.mark.length < this.ids.length) {
      this.mark = new Int32Array(Math.max(this.ids.length, 2 * this.mark.length));
      this.score = new Float64Array(this.mark.length);
      this.step = 0;
    }
    if (this.step > 2 ** 30) {
      this.mark.fill(0);
      this.step = 0;
    }
    let candidates: number[] = [];
    for (let i = 0; i < queryTerms.length; i++) {
      const term = queryTerms[i];
      const previous = this.step;
      const current = ++this.step;
      const first = i === 0;
      const touched: number[] = [];
      // A document counts for this term when the earlier terms all reached it (AND).
      const visit = (entry: TermEntry, weight: number): void => {
        for (let f = 0; f < fields.length; f++) {
          const boost = fields[f];
          const posting = entry[f];
          if (!boost || !posting || posting.live === 0) continue;
          const idf = Math.log(1 + (this.liveCount - posting.live + 0.5) / (posting.live + 0.5));
          const average = this.totalLength[f] / this.liveCount;
          const lengths = this.lengths[f];
          const { docs, freqs } = posting;
          for (let k = 0; k < docs.length; k++) {
            const doc = docs[k];
            const seen = this.mark[doc];
            if (seen !== current && (first ? false : seen !== previous)) continue;
            if (this.ids[doc] === undefined) continue;
            const tf = freqs[k];
            const s =
              weight *
              boost *
              idf *
              (BM25_D + (tf * (BM25_K + 1)) / (tf + BM25_K * (1 - BM25_B + (BM25_B * lengths[doc]) / average)));
            if (seen === current) this.score[doc] += s;
            else {
              if (first) this.score[doc] = s;
              else this.score[doc] += s;
              this.mark[doc] = current;
              touched.push(doc);
            }
          }
        }
      };
      const exact = this.terms.get(term);
      if (exact) visit(exact, 1);
      const prefixed = this.options.prefix(term, i, queryTerms.length) ? this.terms.atPrefix(term) : undefined;
      const fuzziness = this.options.fuzzy(term);
      const maxDistance =
        fuzziness === false
          ? 0
          : fuzziness < 1
            ? Math.min(this.options.maxFuzzy, Math.round(term.length * fuzziness))
            : fuzziness;
      const fuzzy = maxDistance > 0 ? this.fuzzyTerms.fuzzyGet(term, maxDistance) : undefined;
      if (prefixed) {
        for (const [found, entry] of prefixed) {
          const distance = found.length - term.length;
          if (!distance) continue;
          fuzzy?.delete(found);
          visit(entry, (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * distance));
        }
      }
      if (fuzzy) {
        for (const [found, [entry, distance]] of fuzzy) {
          if (!distance) continue;
          visit(entry, (FUZZY_WEIGHT * found.length) / (found.length + distance));
        }
      }
      candidates = touched;
      if (candidates.length === 0) return { docs: [], quality: 0 };
    }
    // MiniSearch multiplies by the number of distinct query terms matched: all of them, under AND.
    const score = this.score;
    candidates.sort((a, b) => score[b] - score[a] || a - b);
    return { docs: candidates, quality: new Set(queryTerms).size };
  }
}
