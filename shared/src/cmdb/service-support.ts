import type { CmdbGraph } from './impact.js';
import { upstreamCauses } from './impact.js';

/**
 * The CIs that are, or support, any of the given services: the services and everything they depend on,
 * transitively (`upstreamCauses`). A ticket naming one of them concerns the service. Computed once per filter,
 * then each ticket is a set lookup.
 */
export function cisSupportingServices(graph: CmdbGraph, serviceIds: readonly string[]): Set<string> {
  const out = new Set<string>(serviceIds);
  for (const node of upstreamCauses(graph, serviceIds).nodes) out.add(node.id);
  return out;
}

/** Whether a ticket's CIs meet a set of CIs (the CI filter, or the CIs supporting a service). */
export function ticketNamesAnyCi(ticketCiIds: readonly string[] | undefined, cis: ReadonlySet<string>): boolean {
  if (!ticketCiIds) return false;
  for (const id of ticketCiIds) if (cis.has(id)) return true;
  return false;
}
