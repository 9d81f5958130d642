import { cisSupportingServices } from '@shared';
import { useMemo } from 'react';
import type { CmdbLookup } from '../cmdb/use-cmdb.js';
import { useCmdbGraph } from '../cmdb/use-cmdb.js';

/**
 * The CIs that are or support the filter's services, computed once per change of the filter (or of the CIs), never
 * per ticket; null when no service is chosen or the CIs are not read yet.
 */
export function useServiceCis(cmdb: CmdbLookup, serviceIds: readonly string[]): ReadonlySet<string> | null {
  const key = serviceIds.join(',');
  const graph = useCmdbGraph(cmdb.items, key !== '' && !cmdb.loading);
  return useMemo(() => (graph && key ? cisSupportingServices(graph, key.split(',')) : null), [graph, key]);
}
