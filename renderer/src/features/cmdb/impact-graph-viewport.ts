import { getViewportForBounds } from '@xyflow/react';
import type { Viewport } from '@xyflow/react';
import type { GraphPositions } from './impact-graph-layout.js';
import { NODE_HEIGHT, NODE_WIDTH } from './impact-graph-layout.js';

/** React Flow's zoom range and fitView padding, which the view below must match to be the one fitView settles on. */
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 2;
const FIT_PADDING = 0.1;

/**
 * The view React Flow's `fitView` settles on for these positions in a view of `width` × `height` pixels (null when
 * there is nothing to fit). Given as the default viewport, React Flow's pan and zoom start there instead of at
 * zoom 1, so the graph is not drawn once unfitted and again fitted.
 */
export function fittedViewport(positions: GraphPositions, width: number, height: number): Viewport | null {
  if (width <= 0 || height <= 0 || positions.size === 0) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const { x, y } of positions.values()) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + NODE_WIDTH);
    maxY = Math.max(maxY, y + NODE_HEIGHT);
  }
  const bounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  return getViewportForBounds(bounds, width, height, MIN_ZOOM, MAX_ZOOM, FIT_PADDING);
}
