import type { CiClass, CiCriticality, CiStatus, ConfigItem } from '@shared';
import MiniSearch from 'minisearch';
// The fold itself, not the data layer's index: this module stays free of RxDB (the benchmark runs it in Node).
import { foldText } from '../../data/queue-index/fold-text.js';

interface IndexedCi {
  id: string;
  name: string;
  serial: string;
  attributes: string;
}

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

/**
 * Values that name one thing — the serial number, the external id, attribute values with a digit and no space (an
 * IP address, an asset tag) — folded. A query equal to one is a lookup, not a search: a typed IP address's parts
 * (10, 0, …) would otherwise match most CIs and take MiniSearch hundreds of milliseconds to rank.
 */
function identifiers(ci: ConfigItem): string[] {
  const out = ci.externalId ? [foldText(ci.externalId)] : [];
  for (const value of Object.values(ci.attributes)) {
    const text = String(value);
    if (HAS_DIGIT.test(text) && !/\s/.test(text)) out.push(foldText(text));
  }
  return out;
}

function indexed(ci: ConfigItem): IndexedCi {
  return {
    id: ci.id,
    name: ci.name,
    serial: typeof ci.attributes.serialNumber === 'string' ? ci.attributes.serialNumber : '',
    attributes: attributeText(ci),
  };
}

/**
 * A MiniSearch index of the CIs by name, serial number and attribute values, as the knowledge base searches its
 * articles: accents and case folded by `foldText`, the last term as a prefix from 2 characters (the word being
 * typed: serial numbers and host names are typed in part; the words before it are complete), typos forgiven from 5
 * letters in words without digits, every term required. A query equal to a serial number, external id or other
 * identifier (see `identifiers`) returns its CIs directly. It is kept current by `update` with the CIs as they
 * change: indexing 50,000 CIs takes seconds on a slow machine, re-indexing the few that changed milliseconds.
 */
export class LiveCiIndex {
  private readonly mini = new MiniSearch<IndexedCi>({
    fields: ['name', 'serial', 'attributes'],
    // Host names and serials (GAT-DB-01, CZ2041XK7Q) split on punctuation like words do.
    tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
    processTerm: (term) => foldText(term),
    searchOptions: {
      boost: { name: 3, serial: 3 },
      // Prefixes of every term multiply the postings to merge (a 2-character term expands to thousands of terms).
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 2,
      fuzzy: (term) => (term.length >= 5 && !HAS_DIGIT.test(term) ? 0.2 : false),
      maxFuzzy: 2,
      combineWith: 'AND',
    },
  });
  private readonly known = new Map<string, ConfigItem>();
  /** Folded identifier → the CIs that carry it (several CIs may share a value). */
  private readonly byIdentifier = new Map<string, Set<string>>();
  private byName: string[] | null = null;

  /** Brings the index to these CIs (added, changed by `updatedAt` or name, removed) and returns a view of it. */
  update(items: readonly ConfigItem[]): CiIndex {
    const live = new Set<string>();
    for (const ci of items) {
      live.add(ci.id);
      const before = this.known.get(ci.id);
      if (before && before.updatedAt === ci.updatedAt && before.name === ci.name) continue;
      if (before) {
        this.mini.replace(indexed(ci));
        this.forgetIdentifiers(before);
      } else this.mini.add(indexed(ci));
      for (const key of identifiers(ci)) {
        let set = this.byIdentifier.get(key);
        if (!set) this.byIdentifier.set(key, (set = new Set()));
        set.add(ci.id);
      }
      this.known.set(ci.id, ci);
      this.byName = null;
    }
    for (const id of this.known.keys()) {
      if (live.has(id)) continue;
      this.mini.discard(id);
      const gone = this.known.get(id);
      if (gone) this.forgetIdentifiers(gone);
      this.known.delete(id);
      this.byName = null;
    }
    return { search: (query) => this.search(query) };
  }

  private forgetIdentifiers(ci: ConfigItem): void {
    for (const key of identifiers(ci)) {
      const set = this.byIdentifier.get(key);
      set?.delete(ci.id);
      if (set?.size === 0) this.byIdentifier.delete(key);
    }
  }

  private search(query: string): string[] {
    const q = query.trim();
    const exact = this.byIdentifier.get(foldText(q));
    if (exact) return [...exact].sort((a, b) => this.nameOf(a).localeCompare(this.nameOf(b)));
    if (q) return this.mini.search(q).map((r) => String(r.id));
    this.byName ??= [...this.known.values()].sort((a, b) => a.name.localeCompare(b.name)).map((ci) => ci.id);
    return this.byName;
  }

  private nameOf(id: string): string {
    return this.known.get(id)?.name ?? '';
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
export function listCis(index: CiIndex, byId: ReadonlyMap<string, ConfigItem>, query: string, filter: CiFilter): ConfigItem[] {
  const out: ConfigItem[] = [];
  for (const id of index.search(query)) {
    const ci = byId.get(id);
    if (ci && matchesCiFilter(ci, filter)) out.push(ci);
  }
  return out;
}

/**
 * The first `limit` CIs a picker offers for a query (the list's search, so accents and case are ignored), only of
 * the given classes when some are given: it stops at `limit`, so an empty query over 50,000 CIs stays instant.
 */
export function pickCis(
  index: CiIndex,
  byId: ReadonlyMap<string, ConfigItem>,
  query: string,
  limit: number,
  classes: readonly CiClass[] = [],
): ConfigItem[] {
  const out: ConfigItem[] = [];
  for (const id of index.search(query)) {
    const ci = byId.get(id);
    if (!ci || (classes.length > 0 && !classes.includes(ci.ciClass))) continue;
    out.push(ci);
    if (out.length >= limit) break;
  }
  return out;
}
