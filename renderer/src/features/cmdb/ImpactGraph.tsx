import { Background, Controls, MarkerType, ReactFlow } from '@xyflow/react';
import type { Edge, Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './impact-graph.css';
import { Box, Center, Loader, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CRITICALITY_COLORS, isDegraded } from './ci-colors.js';
import { useCiLabels } from './ci-labels.js';
import type { GraphModel } from './impact-graph-model.js';
import type { GraphPositions } from './impact-graph-layout.js';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './impact-graph-layout.js';

/**
 * Up to this many arrows each shows its relationship; past it only the arrow pointed at does: hundreds of labels
 * hide the graph under text and slow its first paint.
 */
const LABELLED_EDGES_MAX = 60;

/**
 * The impact graph: the CI outlined in blue, what depends on it above, what it depends on below; border colour is
 * criticality, a dashed border a CI not in service. Clicking a CI (or Enter on it) opens its page. This module (with React Flow and
 * ELK) is loaded only when the graph is first shown.
 */
export function ImpactGraph({ model, rootName }: { model: GraphModel; rootName: string }) {
  const { t } = useTranslation();
  const labels = useCiLabels();
  const navigate = useNavigate();
  const [layout, setLayout] = useState<{ model: GraphModel; positions: GraphPositions } | null>(null);
  const [pointedEdge, setPointedEdge] = useState<string | null>(null);
  const allLabelled = model.edges.length <= LABELLED_EDGES_MAX;
  useEffect(() => {
    let live = true;
    void layoutGraph(model).then((positions) => {
      if (live) setLayout({ model, positions });
    });
    return () => {
      live = false;
    };
  }, [model]);

  const nodes = useMemo(() => {
    if (!layout) return null;
    return layout.model.nodes.map((n): Node => ({
      id: n.id,
      position: layout.positions.get(n.id) ?? { x: 0, y: 0 },
      ariaLabel: `${n.name}, ${labels.ciClass[n.ciClass]}, ${labels.status[n.status]}, ${labels.criticality[n.criticality]}`,
      data: {
        label: (
          <>
            <div className="ci-node-name">{n.name}</div>
            <div className="ci-node-facts">
              {labels.ciClass[n.ciClass]} · {labels.status[n.status]}
            </div>
          </>
        ),
      },
      connectable: false,
      // Known sizes: React Flow shows and fits the nodes at once instead of measuring each before the first paint.
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      style: {
        boxSizing: 'border-box',
        padding: 6,
        textAlign: 'start',
        background: '#fff',
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
        markerEnd: { type: MarkerType.ArrowClosed },
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
            edges={edges}
            onEdgeMouseEnter={allLabelled ? undefined : (_event, edge) => setPointedEdge(edge.id)}
            onEdgeMouseLeave={allLabelled ? undefined : () => setPointedEdge(null)}
            fitView
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
