import { buildCmdbGraph } from '@shared';
import type { CmdbGraph, ConfigItem } from '@shared';
import { useMemo, useState } from 'react';
import { useConfigItems } from '../../data/index.js';
import type { CiIndex } from './ci-search.js';
import { LiveCiIndex } from './ci-search.js';

/** The CIs of this device as a screen outside the CMDB reads them: by id, searchable, and loaded or not. */
export interface CmdbLookup {
  items: ConfigItem[];
  byId: ReadonlyMap<string, ConfigItem>;
  index: CiIndex;
  loading: boolean;
}

/**
 * One live search index per screen, brought up to date with the CIs when searched rather than rebuilt: a screen
 * that only shows tickets never indexes 50,000 CIs, and a later search re-indexes only the CIs that changed.
 */
export function useCmdbLookup(): CmdbLookup {
  const { items, loading } = useConfigItems();
  return useCmdbLookupOf(items, loading);
}

/**
 * The same lookup over CIs a screen already reads (the CI page), without a second query of every CI; `known` is the
 * screen's own map of them by id, when it has one.
 */
export function useCmdbLookupOf(items: ConfigItem[], loading: boolean, known?: ReadonlyMap<string, ConfigItem>): CmdbLookup {
  const [live] = useState(() => new LiveCiIndex());
  const index = useMemo(
    (): CiIndex => ({
      search: (query) => live.update(items).search(query),
      searchItems: (query) => live.update(items).searchItems(query),
    }),
    [live, items],
  );
  const byId = useMemo(() => known ?? new Map(items.map((ci) => [ci.id, ci])), [known, items]);
  return { items, byId, index, loading };
}

/** The impact graph of these CIs, built only while a screen needs it (indexing 50,000 CIs is not free). */
export function useCmdbGraph(items: readonly ConfigItem[], needed: boolean): CmdbGraph | null {
  return useMemo(() => (needed ? buildCmdbGraph(items) : null), [items, needed]);
}
