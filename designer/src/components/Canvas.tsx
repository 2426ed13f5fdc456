/** The graph editor: renders the draft and turns canvas gestures into edit operations. */
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useEdgesState,
  useNodesState,
  useReactFlow,
  type Connection,
  type Edge,
  type IsValidConnection,
  type OnDelete,
} from '@xyflow/react';
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { useCallback, useEffect, type DragEvent } from 'react';
import { canConnect } from '../model/can-connect.js';
import { sameStepData, toCanvasGraph, type Overlay } from '../model/canvas-graph.js';
import { connect, deleteNodes, disconnect, moveNodes, type Position } from '../model/edit.js';
import { kindOf, type NodeKind } from '../model/node-kinds.js';
import { DRAG_TYPE, kindByKey } from './Palette.js';
import { nodeTypes, type StepNodeType } from './StepNode.js';

// Props React Flow compares by identity: defined once so re-renders do not reset its store.
const deleteKeys = ['Delete', 'Backspace'];
const multiSelectKeys = ['Shift', 'Meta', 'Control'];
const edgeOptions = { type: 'smoothstep' };
const fitOptions = { maxZoom: 1 };
const miniMapColour = (n: StepNodeType) => kindOf(n.data.node).colour;
/** Above this many steps only those in view are mounted; every frame of a drag then touches fewer. */
const mountAllUpTo = 150;

const samePosition = (a: Position, b: Position) => a.x === b.x && a.y === b.y;

type Props = {
  definition: WorkflowDefinition;
  overlay: Overlay;
  edit(change: (definition: WorkflowDefinition) => WorkflowDefinition): void;
  onAddAt(kind: NodeKind, position: Position): void;
  onSelect(ids: string[]): void;
  /** A published version, a diff or a live run: look, do not touch. */
  readOnly?: boolean;
};

export function Canvas({ definition, overlay, edit, onAddAt, onSelect, readOnly = false }: Props) {
  const [nodes, setNodes, onNodesChange] = useNodesState<StepNodeType>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>([]);
  const flow = useReactFlow();

  useEffect(() => {
    const graph = toCanvasGraph(definition, overlay);
    setNodes((previous) => {
      const selected = new Set(previous.filter((n) => n.selected).map((n) => n.id));
      const before = new Map(previous.map((n) => [n.id, n]));
      return graph.nodes.map((n) => {
        const old = before.get(n.id);
        const isSelected = overlay.selected?.has(n.id) ?? selected.has(n.id);
        const data = old && sameStepData(old.data, n.data) ? old.data : n.data;
        // An unchanged step keeps its object, so React Flow and the memoised StepNode skip it.
        if (old && data === old.data && old.selected === isSelected && samePosition(old.position, n.position))
          return old;
        return { ...old, ...n, data, selected: isSelected };
      });
    });
    setEdges(graph.edges);
  }, [definition, overlay, setNodes, setEdges]);

  const isValidConnection: IsValidConnection = useCallback(
    (c) =>
      canConnect(definition, { source: c.source, sourceHandle: c.sourceHandle ?? null, target: c.target }),
    [definition],
  );
  const onConnect = useCallback(
    (c: Connection) => edit((d) => connect(d, c.source, c.sourceHandle ?? '', c.target)),
    [edit],
  );
  const onDelete: OnDelete<StepNodeType, Edge> = useCallback(
    ({ nodes: gone, edges: cut }) =>
      edit((d) => {
        const ids = gone.map((n) => n.id);
        const kept = cut.filter((e) => !ids.includes(e.source));
        return kept.reduce(
          (next, e) => disconnect(next, e.source, e.sourceHandle ?? ''),
          deleteNodes(d, ids),
        );
      }),
    [edit],
  );
  const onNodeDragStop = useCallback(
    (_: unknown, __: unknown, moved: StepNodeType[]) =>
      edit((d) => moveNodes(d, Object.fromEntries(moved.map((n) => [n.id, n.position])))),
    [edit],
  );
  const onSelectionChange = useCallback(
    ({ nodes: picked }: { nodes: StepNodeType[] }) => onSelect(picked.map((n) => n.id)),
    [onSelect],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = kindByKey(event.dataTransfer.getData(DRAG_TYPE));
      if (!kind) return;
      event.preventDefault();
      onAddAt(kind, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [flow, onAddAt],
  );

  return (
    <div
      className={`canvas${readOnly ? ' read-only' : ''}`}
      onDragOver={(e) => e.preventDefault()}
      onDrop={readOnly ? undefined : onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDelete={onDelete}
        onNodeDragStop={onNodeDragStop}
        onSelectionChange={onSelectionChange}
        isValidConnection={isValidConnection}
        deleteKeyCode={readOnly ? null : deleteKeys}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        multiSelectionKeyCode={multiSelectKeys}
        defaultEdgeOptions={edgeOptions}
        fitView
        fitViewOptions={fitOptions}
        minZoom={0.2}
        onlyRenderVisibleElements={nodes.length > mountAllUpTo}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable nodeColor={miniMapColour} />
        <Controls />
      </ReactFlow>
    </div>
  );
}
