import { Background, Controls, MarkerType, ReactFlow } from '@xyflow/react';
import type { Edge, Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './impact-graph.css';
import { Box, Center, Loader, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CRITICALITY_COLORS, isDegraded } from './ci-colors.js';
import type { CiGraphNode } from './CiGraphNode.js';
import { CI_NODE_HANDLES, CI_NODE_SIZE, CI_NODE_TYPES } from './CiGraphNode.js';
import { useCiLabels } from './ci-labels.js';
import type { GraphModel } from './impact-graph-model.js';
import type { GraphPositions } from './impact-graph-layout.js';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './impact-graph-layout.js';
import { fittedViewport } from './impact-graph-viewport.js';

/**
 * Up to this many arrows each shows its relationship; past it only the arrow pointed at does: hundreds of labels
 * hide the graph under text and slow its first paint.
 */
const LABELLED_EDGES_MAX = 60;

/** One arrowhead for every edge: React Flow defines a marker per distinct value. */
const ARROW = { type: MarkerType.ArrowClosed };

/**
 * The impact graph: the CI outlined in blue, what depends on it above, what it depends on below; border colour is
 * criticality, a dashed border a CI not in service. Clicking a CI (or Enter on it) opens its page. This module (with React Flow and
 * ELK) is loaded only when the graph is first shown.
 */
export function ImpactGraph({ model, rootName }: { model: GraphModel; rootName: string }) {
  const { t } = useTranslation();
  const labels = useCiLabels();
  const navigate = useNavigate();
  const box = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<{
    model: GraphModel;
    positions: GraphPositions;
    /** The view's size when the layout came and the fitted view in it; null when the box had no size. */
    view: { width: number; height: number; fitted: Viewport } | null;
  } | null>(null);
  const [pointedEdge, setPointedEdge] = useState<string | null>(null);
  const allLabelled = model.edges.length <= LABELLED_EDGES_MAX;
  useEffect(() => {
    let live = true;
    void layoutGraph(model).then((positions) => {
      if (!live) return;
      // The box is on screen (showing the loader): its size is the size of the view the graph opens in.
      const width = box.current?.clientWidth ?? 0;
      const height = box.current?.clientHeight ?? 0;
      const fitted = fittedViewport(positions, width, height);
      setLayout({ model, positions, view: fitted && { width, height, fitted } });
    });
    return () => {
      live = false;
    };
  }, [model]);

  const nodes = useMemo(() => {
    if (!layout) return null;
    return layout.model.nodes.map((n): CiGraphNode => ({
      id: n.id,
      type: 'ci',
      position: layout.positions.get(n.id) ?? { x: 0, y: 0 },
      ariaLabel: `${n.name}, ${labels.ciClass[n.ciClass]}, ${labels.status[n.status]}, ${labels.criticality[n.criticality]}`,
      data: { name: n.name, facts: `${labels.ciClass[n.ciClass]} · ${labels.status[n.status]}` },
      connectable: false,
      // Known size and handles (CiGraphNode): React Flow shows, fits and links the boxes in its first render.
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      measured: CI_NODE_SIZE,
      handles: CI_NODE_HANDLES,
      // The rest of a box's look is shared (impact-graph.css); only what differs per CI is set here.
      style: {
        border: `2px ${isDegraded(n.status) ? 'dashed' : 'solid'} ${CRITICALITY_COLORS[n.criticality]}`,
        boxShadow: n.root ? '0 0 0 4px #1c7ed6' : undefined,
      },
    }));
  }, [layout, labels]);
  const edges = useMemo(
    () =>
      layout?.model.edges.map((e): Edge => ({
        id: e.id,
        source: e.source,
        target: e.target,
        label: allLabelled || e.id === pointedEdge ? labels.link[e.link] : undefined,
        markerEnd: ARROW,
      })) ?? null,
    [layout, labels, allLabelled, pointedEdge],
  );

  return (
    <>
      {!allLabelled && (
        <Text size="sm" c="dimmed">
          {t('cmdb.impactView.edgeHint')}
        </Text>
      )}
      <Box
        ref={box}
        h={480}
        style={{ border: '1px solid var(--mantine-color-gray-4)' }}
        data-testid="impact-graph"
        onKeyDown={(event) => {
          // React Flow makes nodes focusable (Tab) but has no key to open one: Enter on a focused node opens its CI.
          if (event.key !== 'Enter' || !(event.target instanceof HTMLElement)) return;
          const id = event.target.closest<HTMLElement>('.react-flow__node')?.dataset.id;
          if (id) void navigate(`/cmdb/${encodeURIComponent(id)}`);
        }}
        aria-label={t('cmdb.impactView.graphLabel', { name: rootName })}
        role="figure"
      >
        {nodes && edges ? (
          <ReactFlow
            nodes={nodes}
            nodeTypes={CI_NODE_TYPES}
            edges={edges}
            onEdgeMouseEnter={allLabelled ? undefined : (_event, edge) => setPointedEdge(edge.id)}
            onEdgeMouseLeave={allLabelled ? undefined : () => setPointedEdge(null)}
            fitView
            // Knowing the view's size, React Flow fits the graph in its first render, and its pan and zoom start
            // at that fit, instead of drawing it at zoom 1 and then again, fitted, once it has measured its box.
            width={layout?.view?.width}
            height={layout?.view?.height}
            defaultViewport={layout?.view?.fitted}
            // Fitted at the smallest zoom, a graph of hundreds of CIs shows about a fifth of them: mounting only
            // those (and what a pan brings into view) makes the first paint a fraction of mounting them all.
            onlyRenderVisibleElements
            nodesConnectable={false}
            nodesDraggable
            onNodeClick={(_event, node) => void navigate(`/cmdb/${encodeURIComponent(node.id)}`)}
          >
            <Background />
            <Controls showInteractive={false} />
          </ReactFlow>
        ) : (
          <Center h="100%">
            <Loader aria-label={t('cmdb.impactView.loadingGraph')} />
          </Center>
        )}
      </Box>
    </>
  );
}
