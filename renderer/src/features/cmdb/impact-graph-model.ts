import type { CiCriticality, CiStatus, ConfigItem, ImpactLink, ImpactResult } from '@shared';

/** One CI of the drawn graph. */
export interface GraphNodeModel {
  id: string;
  name: string;
  ciClass: ConfigItem['ciClass'];
  status: CiStatus;
  criticality: CiCriticality;
  /** The CI the analysis is about. */
  root: boolean;
}

/** One edge, read `source <link> target` (the source depends on the target). */
export interface GraphEdgeModel {
  id: string;
  source: string;
  target: string;
  link: ImpactLink;
}

export interface GraphModel {
  nodes: GraphNodeModel[];
  edges: GraphEdgeModel[];
}

/**
 * The graph of an impact analysis: the CIs of the downstream and upstream results together (the CI itself once),
 * and every edge between them once. Drawn top to bottom, dependents sit above the CI and its causes below it.
 */
export function impactGraphModel(
  rootId: string,
  results: readonly ImpactResult[],
  byId: ReadonlyMap<string, ConfigItem>,
): GraphModel {
  const nodes = new Map<string, GraphNodeModel>();
  const edges = new Map<string, GraphEdgeModel>();
  for (const result of results) {
    for (const node of result.nodes) {
      const ci = byId.get(node.id);
      if (!ci || nodes.has(ci.id)) continue;
      nodes.set(ci.id, {
        id: ci.id,
        name: ci.name,
        ciClass: ci.ciClass,
        status: ci.status,
        criticality: ci.criticality,
        root: ci.id === rootId,
      });
    }
    for (const e of result.edges) {
      // One arrow per pair: a server both hosted at and standing in a site is drawn once (the first edge's type).
      const id = `${e.source}\u0000${e.target}`;
      if (!edges.has(id)) edges.set(id, { id, source: e.source, target: e.target, link: e.link });
    }
  }
  const known = (id: string) => nodes.has(id);
  return { nodes: [...nodes.values()], edges: [...edges.values()].filter((e) => known(e.source) && known(e.target)) };
}
