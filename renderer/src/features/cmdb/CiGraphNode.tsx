import { Handle, Position } from '@xyflow/react';
import type { Node, NodeHandle, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from './impact-graph-layout.js';

/** What a CI box of the impact graph shows: its name, then its class and status (already translated). */
export type CiGraphNodeData = { name: string; facts: string };
export type CiGraphNode = Node<CiGraphNodeData, 'ci'>;

/** Border width of a CI box (its per-CI style in ImpactGraph): the handles sit on its inner edge. */
const BORDER = 2;
/** Size of the point an arrow starts or ends at. */
const HANDLE_SIZE = 6;

/** Every CI box has the same size, so React Flow can show and fit the graph without measuring each box first. */
export const CI_NODE_SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT } as const;

/**
 * Where arrows meet a CI box (the <Handle> elements below): in at the middle of its top, out at the middle of its
 * bottom. Given as data too, React Flow draws the edges in its first render instead of waiting to read the handles
 * from the DOM and drawing every edge in a second pass; its later reading finds the same places.
 */
export const CI_NODE_HANDLES: NodeHandle[] = [
  {
    type: 'target',
    position: Position.Top,
    x: (NODE_WIDTH - HANDLE_SIZE) / 2,
    y: BORDER - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
  {
    type: 'source',
    position: Position.Bottom,
    x: (NODE_WIDTH - HANDLE_SIZE) / 2,
    y: NODE_HEIGHT - BORDER - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
];

/** A CI box: plain elements (hundreds are drawn at once), styled by impact-graph.css. */
export const CiGraphNodeView = memo(function CiGraphNodeView({ data }: NodeProps<CiGraphNode>) {
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="ci-node-name">{data.name}</div>
      <div className="ci-node-facts">{data.facts}</div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </>
  );
});

/** React Flow's node types, made once: a new object per render would remount every node. */
export const CI_NODE_TYPES = { ci: CiGraphNodeView };
