import type { CmdbGraph } from '../cmdb/impact.js';
import { downstreamImpact } from '../cmdb/impact.js';
import type { Ticket } from '../schemas/ticket.js';

/** A change suspected of causing an incident: implemented shortly before it, on a CI the incident names. */
export interface CausingChangeSuggestion {
  changeId: string;
  /** The incident's CIs the change touched or impacts. */
  ciIds: string[];
  /** Hours from the end of the implementation to the incident. */
  hoursAfter: number;
}

type ChangeFacts = Pick<Ticket, 'id' | 'type' | 'implementedAt' | 'ciIds'>;

/**
 * The changes that may have caused an incident: implemented (implementedAt) at most `windowHours` before the incident
 * was opened, on one of its CIs or, with the CMDB graph, on a CI those depend on. Nearest in time first; the incident's
 * own link (causedByChangeId) is the person's call, one click on a suggestion.
 */
export function suggestCausingChanges(
  incident: Pick<Ticket, 'createdAt' | 'ciIds' | 'type'>,
  changes: readonly ChangeFacts[],
  windowHours: number,
  graph?: CmdbGraph,
): CausingChangeSuggestion[] {
  const incidentCis = incident.ciIds ?? [];
  if (incident.type !== 'incident' || incidentCis.length === 0) return [];
  const wanted = new Set(incidentCis);
  const out: CausingChangeSuggestion[] = [];
  for (const change of changes) {
    if (change.type !== 'change' || change.implementedAt === undefined) continue;
    const after = incident.createdAt - change.implementedAt;
    if (after < 0 || after > windowHours * 3_600_000) continue;
    const reached = graph ? downstreamImpact(graph, change.ciIds ?? []).nodes.map((n) => n.id) : (change.ciIds ?? []);
    const ciIds = [...new Set(reached.filter((id) => wanted.has(id)))];
    if (ciIds.length > 0) out.push({ changeId: change.id, ciIds, hoursAfter: Math.round((after / 3_600_000) * 10) / 10 });
  }
  return out.sort((a, b) => a.hoursAfter - b.hoursAfter);
}
