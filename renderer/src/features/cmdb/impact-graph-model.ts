import { impactEdges } from '@shared';
import type { CiCriticality, CiStatus, CmdbGraph, ConfigItem, ImpactLink, ImpactResult } from '@shared';

/** One CI of the drawn graph. */
export interface GraphNodeModel {
  id: string;
  name: string;
  ciClass: ConfigItem['ciClass'];
  status: CiStatus;
  criticality: CiCriticality;
  /** The CI the analysis is about. */
  root: boolean;
  /** Rows from the CI: negative above it (what depends on it), positive below (what it depends on). */
  layer: number;
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
  /** CIs of the analysis left out of the drawing (beyond GRAPH_MAX_NODES): the table lists every one. */
  hidden: number;
}

/**
 * The most CIs one graph draws. Past a few hundred boxes nobody reads a graph, and React Flow's first paint grows
 * with every node; the nearest CIs (by depth, both directions alike) are the ones drawn.
 */
export const GRAPH_MAX_NODES = 500;

/**
 * The graph of an impact analysis: the CIs of the downstream and upstream results together (the CI itself once,
 * nearest first up to `maxNodes`), and every edge between them once. Drawn top to bottom, dependents sit above the
 * CI and its causes below it.
 */
export function impactGraphModel(
  graph: CmdbGraph,
  rootId: string,
  results: { down: ImpactResult; up: ImpactResult },
  byId: ReadonlyMap<string, ConfigItem>,
  maxNodes = GRAPH_MAX_NODES,
): GraphModel {
  const candidates = [
    ...results.down.nodes.map((node) => ({ node, layer: node.depth === 0 ? 0 : -node.depth })),
    ...results.up.nodes.map((node) => ({ node, layer: node.depth })),
  ];
  // A stable sort keeps breadth-first order within a depth, so the drawn CIs are the nearest ones.
  candidates.sort((a, b) => a.node.depth - b.node.depth);
  const nodes = new Map<string, GraphNodeModel>();
  // In a cycle a CI is both above and below the CI: it is drawn (and counted) once, at its first, nearest mention.
  const seen = new Set<string>();
  for (const { node, layer } of candidates) {
    const ci = byId.get(node.id);
    if (!ci || seen.has(ci.id)) continue;
    seen.add(ci.id);
    if (nodes.size >= maxNodes) continue;
    nodes.set(ci.id, {
      id: ci.id,
      name: ci.name,
      ciClass: ci.ciClass,
      status: ci.status,
      criticality: ci.criticality,
      root: ci.id === rootId,
      layer,
    });
  }
  const edges = new Map<string, GraphEdgeModel>();
  for (const e of impactEdges(graph, nodes.keys())) {
    // One arrow per pair: a server both hosted at and standing in a site is drawn once (the first edge's type).
    const id = `${e.source}\u0000${e.target}`;
    if (!edges.has(id)) edges.set(id, { id, source: e.source, target: e.target, link: e.link });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], hidden: seen.size - nodes.size };
}
