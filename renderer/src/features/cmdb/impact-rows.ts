import type { CiClass, CiCriticality, CiStatus, ConfigItem, ImpactLink, ImpactResult } from '@shared';

/** One CI of an impact result as the table shows it. */
export interface ImpactRow {
  id: string;
  name: string;
  ciClass: CiClass;
  status: CiStatus;
  criticality: CiCriticality;
  depth: number;
  /** The edge that reached it and the CI it came from (null for the CI itself). */
  link: ImpactLink | null;
  viaName: string | null;
}

/** A user, group or organisation that uses an impacted service, with names instead of ids. */
export interface PartyRow {
  kind: 'user' | 'group' | 'org';
  id: string;
  name: string;
  serviceNames: string[];
}

const CRITICALITY_RANK: Readonly<Record<CiCriticality, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * The impact result's CIs without the starting CI, nearest first and, at the same depth, most critical first, so
 * the table reads as "what breaks first, and what matters most".
 */
export function impactRows(result: ImpactResult, byId: ReadonlyMap<string, ConfigItem>): ImpactRow[] {
  const rows: ImpactRow[] = [];
  for (const node of result.nodes) {
    if (node.depth === 0) continue;
    const ci = byId.get(node.id);
    if (!ci) continue;
    rows.push({
      id: ci.id,
      name: ci.name,
      ciClass: ci.ciClass,
      status: ci.status,
      criticality: ci.criticality,
      depth: node.depth,
      link: node.link,
      viaName: node.via === null ? null : (byId.get(node.via)?.name ?? node.via),
    });
  }
  return rows.sort(
    (a, b) =>
      a.depth - b.depth || CRITICALITY_RANK[a.criticality] - CRITICALITY_RANK[b.criticality] || a.name.localeCompare(b.name),
  );
}

/** Who uses the impacted services, named from the directory (an unknown id shows as itself). */
export function partyRows(
  result: ImpactResult,
  byId: ReadonlyMap<string, ConfigItem>,
  nameOf: (id: string) => string | undefined,
): PartyRow[] {
  return result.parties
    .map((p) => ({
      kind: p.kind,
      id: p.id,
      name: nameOf(p.id) ?? p.id,
      serviceNames: p.serviceIds.map((id) => byId.get(id)?.name ?? id),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The sites, buildings and rooms where impacted CIs stand, by name. */
export function siteNames(result: ImpactResult, byId: ReadonlyMap<string, ConfigItem>): string[] {
  return result.locationIds.map((id) => byId.get(id)?.name ?? id).sort((a, b) => a.localeCompare(b));
}

/** Depth choices of the impact view; `0` stands for "no limit". */
export const IMPACT_DEPTHS = [1, 2, 3, 5, 0] as const;
export type ImpactDepth = (typeof IMPACT_DEPTHS)[number];
export const DEFAULT_IMPACT_DEPTH: ImpactDepth = 3;

/** The traversal option for a depth choice. */
export const maxDepthOf = (depth: ImpactDepth): number | undefined => (depth === 0 ? undefined : depth);
