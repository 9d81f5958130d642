import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from './impact-graph-layout.js';
import { fittedViewport } from './impact-graph-viewport.js';

describe('fittedViewport', () => {
  it('centres a small graph at the largest zoom', () => {
    // One box: fitting it would zoom far in, so the zoom stops at 2 and the box sits in the middle of the view.
    const view = fittedViewport(new Map([['a', { x: 0, y: 0 }]]), 1000, 500);
    expect(view).toEqual({ x: 500 - NODE_WIDTH, y: 250 - NODE_HEIGHT, zoom: 2 });
  });

  it('fits a graph the view can hold whole, with a margin, centred', () => {
    const positions = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 1500 - NODE_WIDTH, y: 750 - NODE_HEIGHT }],
    ]);
    const view = fittedViewport(positions, 1100, 550);
    const zoom = view?.zoom ?? 0;
    // 1,500 × 750 into 1,100 × 550 less the margin: a little under 1,100 / 1,500.
    expect(zoom).toBeGreaterThan(0.6);
    expect(zoom).toBeLessThan(1100 / 1500);
    // Both corners of the graph are inside the view, neither on its edge.
    expect(view?.x).toBeGreaterThan(0);
    expect((view?.x ?? 0) + 1500 * zoom).toBeLessThan(1100);
    expect(view?.y).toBeGreaterThan(0);
    expect((view?.y ?? 0) + 750 * zoom).toBeLessThan(550);
    // The graph's middle (750, 375) is the view's middle.
    expect((view?.x ?? 0) + 750 * zoom).toBeCloseTo(550);
    expect((view?.y ?? 0) + 375 * zoom).toBeCloseTo(275);
  });

  it('stops at the smallest zoom for a graph too wide to fit, centred on its middle', () => {
    const positions = new Map([
      ['a', { x: -4000, y: 0 }],
      ['b', { x: 4000 - NODE_WIDTH, y: 0 }],
    ]);
    const view = fittedViewport(positions, 1200, 480);
    expect(view?.zoom).toBe(0.5);
    expect(view?.x).toBeCloseTo(600);
  });

  it('has no view to give when the box has no size or there is nothing to draw', () => {
    expect(fittedViewport(new Map([['a', { x: 0, y: 0 }]]), 0, 0)).toBeNull();
    expect(fittedViewport(new Map(), 800, 400)).toBeNull();
  });
});
