import type { CiClass, CiCriticality, CiStatus, ConfigItem } from '@shared';
// The fold itself, not the data layer's index: this module stays free of RxDB (the benchmark runs it in Node).
import { foldText } from '../../data/queue-index/fold-text.js';
import { CiTextIndex } from './ci-text-index.js';

/** The list's filters; '' means any. */
export interface CiFilter {
  ciClass: CiClass | '';
  status: CiStatus | '';
  criticality: CiCriticality | '';
}

export const EMPTY_CI_FILTER: CiFilter = { ciClass: '', status: '', criticality: '' };

export interface CiIndex {
  /** CI ids matching the query, best first; every CI (in name order) for an empty query. */
  search(query: string): string[];
  /** The same CIs themselves (as the index was last given them): what the list and the picker show. */
  searchItems(query: string): readonly ConfigItem[];
}

/** Text of every attribute value, so a model, an IP address or a vendor finds its CI. */
function attributeText(ci: ConfigItem): string {
  return Object.entries(ci.attributes)
    .filter(([key]) => key !== 'serialNumber')
    .map(([, value]) => String(value))
    .join(' ');
}

/** Terms that are numbers or codes: a typo in one names another thing (01234 is not 01235), so never fuzzy. */
const HAS_DIGIT = /\d/;

/** A value that names one thing (a serial number, an IP address, an asset tag): a digit and no space. */
const isIdentifier = (value: string): boolean => HAS_DIGIT.test(value) && !/\s/.test(value);

/**
 * Whole values a query may equal, folded: the external id and every attribute value (serial number, IP address,
 * manufacturer, model, operating system, …). A query equal to one is answered from a map rather than ranked by
 * MiniSearch: "Windows 11" or "Dell" names thousands of CIs, and ranking thousands takes tens of milliseconds, an
 * IP address's parts (10, 0, …) hundreds.
 */
function wholeValues(ci: ConfigItem): string[] {
  const out = ci.externalId ? [foldText(ci.externalId)] : [];
  for (const value of Object.values(ci.attributes)) {
    const text = foldText(String(value)).trim();
    if (text) out.push(text);
  }
  return out;
}

/** The texts indexed for a CI, in the order of `CI_TEXT_FIELDS`. */
function indexed(ci: ConfigItem): string[] {
  return [ci.name, typeof ci.attributes.serialNumber === 'string' ? ci.attributes.serialNumber : '', attributeText(ci)];
}

/** Searched fields and their boosts: a name or serial number outweighs an attribute value. */
const CI_TEXT_FIELDS = [
  { name: 'name', boost: 3 },
  { name: 'serial', boost: 3 },
  { name: 'attributes', boost: 1 },
];

/** Host names and serials (GAT-DB-01, CZ2041XK7Q) split on punctuation like words do. */
export const tokenizeCiText = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** When a query term is also a prefix, and how fuzzy it is (`CiTextIndex`'s options; MiniSearch's before). */
export const CI_QUERY_OPTIONS = {
  // Prefixes of every term multiply the postings to merge (a 2-character term expands to thousands of terms).
  prefix: (term: string, i: number, count: number): boolean => i === count - 1 && term.length >= 2,
  fuzzy: (term: string): number | false => (term.length >= 5 && !HAS_DIGIT.test(term) ? 0.2 : false),
  maxFuzzy: 2,
  // A word with a typo is never taken for a code either.
  fuzzyTarget: (term: string): boolean => !HAS_DIGIT.test(term),
};

/**
 * A full-text index of the CIs by name, serial number and attribute values (`CiTextIndex`: MiniSearch's ranking
 * and term matching over number arrays, as MiniSearch's per-result objects made broad queries slow), searched as
 * the knowledge base searches its articles: accents and case folded by `foldText`, the last term as a prefix from 2 characters (the word being
 * typed: serial numbers and host names are typed in part; the words before it are complete), typos forgiven from 5
 * letters in words without digits, every term required. A query equal to a whole attribute value or external id
 * (see `wholeValues`) returns the CIs that carry it directly, in name order, after any whose name matches. It is kept current by `update` with the CIs as they
 * change: indexing 50,000 CIs takes seconds on a slow machine, re-indexing the few that changed milliseconds.
 */
export class LiveCiIndex {
  private readonly text = new CiTextIndex<ConfigItem>(CI_TEXT_FIELDS, tokenizeCiText, foldText, CI_QUERY_OPTIONS);
  private readonly known = new Map<string, ConfigItem>();
  /** Folded whole value → the CIs that carry it (see `wholeValues`). */
  private readonly byValue = new Map<string, Set<string>>();
  /** Every CI in name order: sorted on the first search after a change. */
  private byName: ConfigItem[] | null = null;
  /** Each CI's place in `byName`. */
  private nameRank = new Map<string, number>();

  /** Brings the index to these CIs (added, changed by `updatedAt` or name, removed) and returns a view of it. */
  update(items: readonly ConfigItem[]): CiIndex {
    const live = new Set<string>();
    for (const ci of items) {
      live.add(ci.id);
      const before = this.known.get(ci.id);
      if (before && before.updatedAt === ci.updatedAt && before.name === ci.name) continue;
      if (before) {
        this.text.remove(ci.id, indexed(before));
        this.forgetValues(before);
      }
      this.text.set(ci.id, indexed(ci), ci);
      for (const key of wholeValues(ci)) {
        let set = this.byValue.get(key);
        if (!set) this.byValue.set(key, (set = new Set()));
        set.add(ci.id);
      }
      this.known.set(ci.id, ci);
      this.byName = null;
    }
    for (const id of this.known.keys()) {
      if (live.has(id)) continue;
      const gone = this.known.get(id);
      if (gone) {
        this.text.remove(id, indexed(gone));
        this.forgetValues(gone);
      }
      this.known.delete(id);
      this.byName = null;
    }
    return { search: (query) => this.search(query), searchItems: (query) => this.searchItems(query) };
  }

  private forgetValues(ci: ConfigItem): void {
    for (const key of wholeValues(ci)) {
      const set = this.byValue.get(key);
      set?.delete(ci.id);
      if (set?.size === 0) this.byValue.delete(key);
    }
  }

  /** Every CI in name order (the index's own array: read, never changed). */
  private nameOrder(): ConfigItem[] {
    if (this.byName) return this.byName;
    const collator = new Intl.Collator();
    const byName = [...this.known.values()].sort((a, b) => collator.compare(a.name, b.name));
    this.nameRank = new Map(byName.map((ci, rank) => [ci.id, rank]));
    this.byName = byName;
    return byName;
  }

  /** These CIs in name order: their places in it sorted as numbers (thousands of carriers in a millisecond). */
  private inNameOrder(ids: ReadonlySet<string>): ConfigItem[] {
    const order = this.nameOrder();
    const ranks = new Int32Array(ids.size);
    let k = 0;
    for (const id of ids) ranks[k++] = this.nameRank.get(id) ?? 0;
    ranks.sort();
    const out = new Array<ConfigItem>(ranks.length);
    for (let r = 0; r < ranks.length; r++) out[r] = order[ranks[r]];
    return out;
  }

  private search(query: string): string[] {
    return this.searchItems(query).map((ci) => ci.id);
  }

  private searchItems(query: string): readonly ConfigItem[] {
    const q = query.trim();
    if (!q) return this.nameOrder();
    const carriers = this.byValue.get(foldText(q));
    if (!carriers) return this.text.searchValues(q);
    const inOrder = this.inNameOrder(carriers);
    // An identifier names its CIs and nothing else; a word such as "Oracle" may also be in names, which come first.
    if (isIdentifier(q)) return inOrder;
    const named = this.text.searchValues(q, ['name']);
    if (named.length === 0) return inOrder;
    const seen = new Set(named);
    return [...named, ...inOrder.filter((ci) => !seen.has(ci))];
  }
}

/** A one-off index of these CIs (tests, benchmarks); screens keep a `LiveCiIndex`. */
export function buildCiIndex(items: readonly ConfigItem[]): CiIndex {
  return new LiveCiIndex().update(items);
}

/** True when the CI passes every filter that is set. */
export function matchesCiFilter(ci: ConfigItem, filter: CiFilter): boolean {
  return (
    (!filter.ciClass || ci.ciClass === filter.ciClass) &&
    (!filter.status || ci.status === filter.status) &&
    (!filter.criticality || ci.criticality === filter.criticality)
  );
}

/** The CIs of the list: searched (in the index's order), then filtered. */
export function listCis(index: CiIndex, query: string, filter: CiFilter): readonly ConfigItem[] {
  const found = index.searchItems(query);
  if (!filter.ciClass && !filter.status && !filter.criticality) return found;
  return found.filter((ci) => matchesCiFilter(ci, filter));
}

/**
 * The first `limit` CIs a picker offers for a query (the list's search, so accents and case are ignored), only of
 * the given classes when some are given: it stops at `limit`, so an empty query over 50,000 CIs stays instant.
 */
export function pickCis(index: CiIndex, query: string, limit: number, classes: readonly CiClass[] = []): ConfigItem[] {
  const out: ConfigItem[] = [];
  for (const ci of index.searchItems(query)) {
    if (classes.length > 0 && !classes.includes(ci.ciClass)) continue;
    out.push(ci);
    if (out.length >= limit) break;
  }
  return out;
}
