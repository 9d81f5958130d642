import type { CiRelation, ConfigItem } from './ci-model.js';

/**
 * What deleting a CI touches besides the CI: its own edges go with it (they live in its document); the edges of
 * other CIs that point at it, and the CIs that stand in it (a location's `locationId`), are changed so that no edge
 * or place names a CI that is gone. The delete dialog counts them; the client command and the server's push effect
 * remove them with `withoutReferencesTo`, so every traversal sees the same graph on every device.
 */
export interface CiReferences {
  /** Outgoing edges of the CI itself (deleted with it). */
  outgoing: number;
  /** Edges of other CIs pointing at it, with their source. */
  incoming: { sourceId: string; relation: CiRelation }[];
  /** CIs whose location it is. */
  locatedIn: string[];
}

/** True when the CI has an edge to the given CI or stands in it. */
export function refersTo(ci: ConfigItem, targetId: string): boolean {
  return ci.locationId === targetId || ci.relations.some((r) => r.targetKind === 'ci' && r.targetId === targetId);
}

/** The references to a CI among these CIs (the CI itself included or not). */
export function ciReferences(ci: ConfigItem, cis: Iterable<ConfigItem>): CiReferences {
  const incoming: CiReferences['incoming'] = [];
  const locatedIn: string[] = [];
  for (const other of cis) {
    if (other.id === ci.id) continue;
    for (const relation of other.relations) {
      if (relation.targetKind === 'ci' && relation.targetId === ci.id) incoming.push({ sourceId: other.id, relation });
    }
    if (other.locationId === ci.id) locatedIn.push(other.id);
  }
  return { outgoing: ci.relations.length, incoming, locatedIn };
}

/** How many relationships deleting the CI removes: its own edges, the edges to it and the CIs placed in it. */
export const relationshipCount = (refs: CiReferences): number => refs.outgoing + refs.incoming.length + refs.locatedIn.length;

/**
 * The CI without its references to the deleted CIs (edges to them dropped, a location among them cleared), or the
 * CI itself, unchanged, when it has none. Pure: the caller stamps author and time.
 */
export function withoutReferencesTo(ci: ConfigItem, deletedIds: ReadonlySet<string>): ConfigItem {
  const relations = ci.relations.filter((r) => r.targetKind !== 'ci' || !deletedIds.has(r.targetId));
  const locationGone = deletedIds.has(ci.locationId);
  if (relations.length === ci.relations.length && !locationGone) return ci;
  return { ...ci, relations, locationId: locationGone ? '' : ci.locationId };
}
