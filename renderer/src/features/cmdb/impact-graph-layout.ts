import type ElkConstructor from 'elkjs/lib/elk.bundled.js';
import type { GraphModel } from './impact-graph-model.js';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 64;
const GAP_X = 30;
const GAP_Y = 60;

/** Node positions (top-left corners) from the automatic layout. */
export type GraphPositions = ReadonlyMap<string, { x: number; y: number }>;

/**
 * Up to this many CIs the graph is laid out by ELK, which minimises crossings well but takes seconds on hundreds
 * of CIs (bench:cmdb graph_layout_ms); past it, by `layeredLayout`, which takes milliseconds.
 */
export const ELK_MAX_NODES = 80;

/** Lays the graph out: ELK for small graphs, the rows of the impact depth for big ones. */
export async function layoutGraph(model: GraphModel): Promise<GraphPositions> {
  return model.nodes.length <= ELK_MAX_NODES ? elkLayout(model) : layeredLayout(model);
}

let elk: InstanceType<typeof ElkConstructor> | null = null;

/**
 * ELK's layered layout (dependents above what they depend on), on the main thread: the bundled build needs no
 * worker file to serve or allow in the CSP. Loaded on first use, so big graphs never fetch it.
 */
async function elkLayout(model: GraphModel): Promise<GraphPositions> {
  if (!elk) {
    const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
    elk = new ELK();
  }
  const laidOut = await elk.layout({
    id: 'impact',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': String(GAP_X),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(GAP_Y),
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: model.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: model.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of laidOut.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}

/**
 * The rows of the impact analysis: each depth its own band, dependents above the CI and causes below, a wide band
 * wrapped into rows of about √n CIs so the drawing stays readable when fitted. Within a band, CIs are ordered by
 * the mean rank of their neighbours in the band nearer the CI (one barycentre sweep outwards), which keeps
 * most edges short. Linear in the edges plus a sort per band.
 */
export function layeredLayout(model: GraphModel): Map<string, { x: number; y: number }> {
  const perRow = Math.max(8, Math.ceil(Math.sqrt(model.nodes.length) * 1.5));
  const layerOf = new Map(model.nodes.map((n) => [n.id, n.layer]));
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const e of model.edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const bands = new Map<number, string[]>();
  for (const n of model.nodes) {
    const band = bands.get(n.layer);
    if (band) band.push(n.id);
    else bands.set(n.layer, [n.id]);
  }
  // Where a CI stands in its band, 0 (first) to 1 (last): comparable across bands of different sizes and, unlike
  // x, unique within a wrapped band.
  const rank = new Map<string, number>();
  const positions = new Map<string, { x: number; y: number }>();
  // Rows already used above and below the CI's band.
  let rowsAbove = 0;
  let rowsBelow = 0;
  const place = (layer: number): void => {
    const ids = bands.get(layer) ?? [];
    const nearer = layer === 0 ? null : layer < 0 ? layer + 1 : layer - 1;
    const key = (id: string): number => {
      const xs = (neighbours.get(id) ?? []).filter((other) => layerOf.get(other) === nearer).map((other) => rank.get(other) ?? 0);
      return xs.length === 0 ? Number.POSITIVE_INFINITY : xs.reduce((sum, x) => sum + x, 0) / xs.length;
    };
    const keys = new Map(ids.map((id) => [id, key(id)]));
    const ordered = [...ids].sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0));
    const rows = Math.ceil(ordered.length / perRow);
    ordered.forEach((id, index) => {
      const row = Math.floor(index / perRow);
      const inRow = Math.min(perRow, ordered.length - row * perRow);
      const col = index % perRow;
      const x = (col - (inRow - 1) / 2) * (NODE_WIDTH + GAP_X);
      // A band's first row is the one nearest the CI: above it rows stack upwards.
      const rowFromCi = layer === 0 ? row : layer < 0 ? -(rowsAbove + row + 1) : rowsBelow + row + 1;
      positions.set(id, { x: x - NODE_WIDTH / 2, y: rowFromCi * (NODE_HEIGHT + GAP_Y) });
      rank.set(id, (index + 0.5) / ordered.length);
    });
    if (layer < 0) rowsAbove += rows;
    if (layer > 0) rowsBelow += rows;
    if (layer === 0) rowsBelow += rows - 1;
  };
  const layers = [...bands.keys()];
  place(0);
  for (let l = -1; l >= Math.min(0, ...layers); l--) place(l);
  for (let l = 1; l <= Math.max(0, ...layers); l++) place(l);
  return positions;
}
