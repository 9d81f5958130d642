// When the impact graph is drawn for good: every node and edge in view drawn, at the view it stays at, and painted.

/** How long the drawing must stay unchanged before it counts as final: React Flow's later passes come within it. */
const SETTLE_MS = 1000;

/** What the page drew: node boxes by their top-left corner (all `width` × `height`), and the edges between them. */
export interface GraphDrawing {
  positions: ReadonlyMap<string, { x: number; y: number }>;
  edges: readonly { id: string; source: string; target: string }[];
  width: number;
  height: number;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The part of the graph the view shows, in graph coordinates, from React Flow's pane and viewport transform; null
 * before React Flow has drawn its pane.
 */
function viewRect(): Rect | null {
  const pane = document.querySelector<HTMLElement>('.react-flow');
  const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
  const match = /translate\((-?[\d.e-]+)px, (-?[\d.e-]+)px\) scale\(([\d.e-]+)\)/.exec(transform);
  if (!pane || !match) return null;
  const [tx, ty, zoom] = match.slice(1).map(Number);
  return { x: -tx / zoom, y: -ty / zoom, w: pane.offsetWidth / zoom, h: pane.offsetHeight / zoom };
}

/**
 * Whether every node and edge the view shows is drawn: each node whose box is (partly) in view is in the DOM and
 * visible (React Flow hides a node until it knows its size), and each edge whose two nodes' box is in view is drawn
 * (React Flow draws an edge only once it knows where its ends are). Off-screen ones need not be: the graph renders
 * only what is in view, and what a pan brings into view as it comes.
 */
function drawsView(drawing: GraphDrawing, view: Rect): boolean {
  const shownNodes = new Set(
    [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((el) => el.style.visibility !== 'hidden')
      .map((el) => el.dataset.id),
  );
  const drawnEdges = new Set([...document.querySelectorAll<SVGElement>('.react-flow__edge')].map((el) => el.dataset.id));
  const box = (id: string): Rect | null => {
    const p = drawing.positions.get(id);
    return p ? { x: p.x, y: p.y, w: drawing.width, h: drawing.height } : null;
  };
  for (const id of drawing.positions.keys()) {
    const b = box(id);
    if (b && overlaps(b, view) && !shownNodes.has(id)) return false;
  }
  for (const e of drawing.edges) {
    const s = box(e.source);
    const t = box(e.target);
    if (!s || !t) continue;
    const x = Math.min(s.x, t.x);
    const y = Math.min(s.y, t.y);
    const both = { x, y, w: Math.max(s.x + s.w, t.x + t.w) - x, h: Math.max(s.y + s.h, t.y + t.h) - y };
    if (overlaps(both, view) && !drawnEdges.has(e.id)) return false;
  }
  return true;
}

/**
 * Milliseconds from `started` to the paint of the first frame that showed the final drawing: every node and edge
 * in view drawn (drawsView), at the pan and zoom the view keeps. A frame that shows the nodes but not yet the edges,
 * or the graph at a zoom a later fit replaces, is not the drawn graph: watching until nothing has changed for
 * SETTLE_MS makes the figure the time to what the user ends up seeing, whatever order React Flow's passes come in.
 */
export function drawnGraphMs(started: number, drawing: GraphDrawing): Promise<number> {
  return new Promise((resolve) => {
    let drawn = '';
    let drawnAt = 0;
    let paintedMs = Number.NaN;
    const check = (): void => {
      const view = viewRect();
      const complete = view !== null && drawsView(drawing, view);
      const shown = `${document.querySelectorAll('.react-flow__node').length} nodes, ${
        document.querySelectorAll('.react-flow__edge').length
      } edges, ${view ? `${view.x} ${view.y} ${view.w} ${view.h}` : 'no view'}, ${complete ? 'complete' : 'partial'}`;
      if (shown !== drawn) {
        drawn = shown;
        drawnAt = performance.now();
        paintedMs = Number.NaN;
        // This frame is the first to show the change; a task posted now runs once the frame is painted.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          if (drawn === shown) paintedMs = performance.now() - started;
        };
        channel.port2.postMessage(null);
      }
      if (complete && !Number.isNaN(paintedMs) && performance.now() - drawnAt >= SETTLE_MS) resolve(paintedMs);
      else requestAnimationFrame(check);
    };
    check();
  });
}
