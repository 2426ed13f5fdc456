/** The definition as canvas nodes and edges (React Flow's shapes, without depending on React). */
import { hasNode, nodeEdges, type WorkflowDefinition, type WorkflowNode } from '@civicdesk/schemas';
import type { Mark } from './diff-view.js';
import type { Position } from './edit.js';

export type StepData = {
  id: string;
  node: WorkflowNode;
  isStart: boolean;
  problems: string[];
  onPath: boolean;
  /** How a diff or a live run marks this step, if it does. */
  mark?: Mark;
  /** What-if: how many replayed requests pass through this step (and before, when different). */
  count?: string;
};
export type CanvasNode = { id: string; type: 'step'; position: Position; data: StepData; selected?: boolean };
export type CanvasEdge = {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  label: string;
  animated?: boolean;
  className?: string;
};

export type Overlay = {
  problemsByNode?: Map<string, string[]>;
  /** Nodes of a simulated path, in order. */
  path?: readonly string[];
  selected?: ReadonlySet<string>;
  /** Diff or live-run marks by node id, and by edge id (`<node>:<field>`). */
  marks?: ReadonlyMap<string, Mark>;
  edgeMarks?: ReadonlyMap<string, Mark>;
  /** What-if request counts by node id. */
  counts?: ReadonlyMap<string, string>;
};

/** Canvas nodes at their layout positions (a grid for nodes without one) and one edge per wire. */
export function toCanvasGraph(
  definition: WorkflowDefinition,
  overlay: Overlay = {},
): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const onPath = new Set(overlay.path ?? []);
  const nodes = Object.entries(definition.nodes).map(([id, node], index): CanvasNode => ({
    id,
    type: 'step',
    position: definition.layout?.[id] ?? { x: (index % 4) * 260, y: Math.floor(index / 4) * 160 },
    data: {
      id,
      node,
      isStart: definition.start === id,
      problems: overlay.problemsByNode?.get(id) ?? [],
      onPath: onPath.has(id),
      ...(overlay.marks?.has(id) ? { mark: overlay.marks.get(id)! } : {}),
      ...(overlay.counts?.has(id) ? { count: overlay.counts.get(id)! } : {}),
    },
    ...(overlay.selected?.has(id) ? { selected: true } : {}),
  }));
  const steps = pathSteps(overlay.path ?? []);
  const edges = Object.entries(definition.nodes).flatMap(([id, node]) =>
    nodeEdges(id, node)
      .filter((edge) => hasNode(definition, edge.to))
      .map((edge): CanvasEdge => {
        const lit = steps.has(`${id}→${edge.to}`);
        const mark = overlay.edgeMarks?.get(`${id}:${edge.field}`);
        return {
          id: `${id}:${edge.field}`,
          source: id,
          sourceHandle: edge.field,
          target: edge.to as string,
          label: edgeLabel(edge.via as { kind: string; outcome?: string; name?: string; index?: number }),
          ...(lit ? { animated: true, className: 'on-path' } : {}),
          ...(mark ? { className: `diff-${mark}` } : {}),
        };
      }),
  );
  return { nodes, edges };
}

function pathSteps(path: readonly string[]): Set<string> {
  const steps = new Set<string>();
  for (let i = 1; i < path.length; i++) steps.add(`${path[i - 1]}→${path[i]}`);
  return steps;
}

function edgeLabel(via: { kind: string; outcome?: string; name?: string; index?: number }): string {
  if (via.kind === 'outcome') return via.outcome ?? '';
  if (via.kind === 'rule') return via.name ?? `rule ${(via.index ?? 0) + 1}`;
  if (via.kind === 'branch') return `branch ${(via.index ?? 0) + 1}`;
  if (via.kind === 'next') return '';
  return via.kind.replace(/_/g, ' ');
}

/**
 * Whether a step looks the same as before. The canvas keeps the old data object when it does, so
 * the memoised step component skips rendering: with 300 steps, a selection or a move redraws one.
 */
export function sameStepData(a: StepData, b: StepData): boolean {
  return (
    a.id === b.id &&
    a.node === b.node &&
    a.isStart === b.isStart &&
    a.onPath === b.onPath &&
    a.mark === b.mark &&
    a.count === b.count &&
    a.problems.length === b.problems.length &&
    a.problems.every((problem, index) => problem === b.problems[index])
  );
}
