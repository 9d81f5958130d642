// Runs inside Chromium (driven by ../graph-render.ts): the CI page's impact graph (ImpactGraph, React Flow, laid out)
// of a CI whose downstream and upstream results hold GRAPH_NODES CIs together, from the moment the page asks for
// the analysis to the paint of the frame that shows the graph as it stays: every node and edge drawn, at its final
// pan and zoom (drawn-graph.ts). The layout alone is timed afterwards.
/// <reference types="vite/client" />
import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { buildCmdbGraph, downstreamImpact, upstreamCauses } from '@shared';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router-dom';
import { initI18n } from '../../../../renderer/src/i18n/index.js';
import { ImpactGraph } from '../../../../renderer/src/features/cmdb/ImpactGraph.js';
import { impactGraphModel } from '../../../../renderer/src/features/cmdb/impact-graph-model.js';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from '../../../../renderer/src/features/cmdb/impact-graph-layout.js';
import { benchCis } from './bench-graph.js';
import { drawnGraphMs } from './drawn-graph.js';
import type { GraphRenderResult } from './bench-graph.js';

declare global {
  interface Window {
    __graphBench?: Promise<GraphRenderResult>;
  }
}

const GRAPH_NODES = Number(new URLSearchParams(location.search).get('nodes') ?? 500);
async function run(): Promise<GraphRenderResult> {
  await initI18n();
  const cis = benchCis(GRAPH_NODES);
  const byId = new Map(cis.map((ci) => [ci.id, ci]));
  const graph = buildCmdbGraph(cis);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing');
  // Where each CI is drawn, to tell when everything in view is (the same layout the graph makes, before timing).
  const expected = impactGraphModel(
    graph,
    'root',
    { down: downstreamImpact(graph, ['root']), up: upstreamCauses(graph, ['root']) },
    byId,
  );
  const drawing = { ...expected, positions: await layoutGraph(expected), width: NODE_WIDTH, height: NODE_HEIGHT };
  const started = performance.now();
  // As CiImpactPanel does when the graph view is chosen: both traversals, the model, then the lazy graph.
  const model = impactGraphModel(
    graph,
    'root',
    { down: downstreamImpact(graph, ['root']), up: upstreamCauses(graph, ['root']) },
    byId,
  );
  createRoot(root).render(
    <MantineProvider>
      <MemoryRouter>
        <ImpactGraph model={model} rootName="GAT-SRV-00001" />
      </MemoryRouter>
    </MantineProvider>,
  );
  const firstPaintMs = await drawnGraphMs(started, drawing);
  const nodesDrawn = document.querySelectorAll('.react-flow__node').length;
  const edgesDrawn = document.querySelectorAll('.react-flow__edge').length;
  const layoutStarted = performance.now();
  await layoutGraph(model);
  return {
    nodes: model.nodes.length,
    edges: model.edges.length,
    nodesDrawn,
    edgesDrawn,
    firstPaintMs,
    layoutMs: performance.now() - layoutStarted,
  };
}

window.__graphBench = run();
