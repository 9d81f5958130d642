import ELK from 'elkjs/lib/elk.bundled.js';
import type { GraphModel } from './impact-graph-model.js';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 60;

/** Node positions (top-left corners) from the automatic layout. */
export type GraphPositions = ReadonlyMap<string, { x: number; y: number }>;

let elk: InstanceType<typeof ELK> | null = null;

/**
 * Lays the graph out in layers with ELK (dependents above what they depend on). ELK runs on the main thread here
 * (the bundled build, no worker file to serve or allow in the CSP). It is slow on big graphs: bench:cmdb's 500 CIs
 * and ~1,000 edges take seconds (graph_layout_ms), tens of CIs milliseconds.
 */
export async function layoutGraph(model: GraphModel): Promise<GraphPositions> {
  elk ??= new ELK();
  const laidOut = await elk.layout({
    id: 'impact',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '30',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: model.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: model.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of laidOut.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}
