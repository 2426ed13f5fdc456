/** A diff drawn on one canvas: the newer definition plus the removed steps, each marked by its change. */
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { diffWorkflows, type WorkflowDiff } from './diff.js';

export type Mark = 'added' | 'removed' | 'changed' | 'done' | 'current';

export type DiffView = {
  /** `after` with `before`'s removed steps put back (at their old positions) so they can be shown. */
  definition: WorkflowDefinition;
  diff: WorkflowDiff;
  nodeMarks: Map<string, Mark>;
  /** Keyed like canvas edges: `<node>:<field>`. */
  edgeMarks: Map<string, Mark>;
};

/** Everything the canvas needs to show what changed from `before` to `after`. */
export function diffView(before: WorkflowDefinition, after: WorkflowDefinition): DiffView {
  const diff = diffWorkflows(before, after);
  const removedNodes = Object.fromEntries(diff.removed.map((id) => [id, before.nodes[id]!]));
  const removedLayout = Object.fromEntries(
    diff.removed.flatMap((id) => (before.layout?.[id] ? [[id, before.layout[id]]] : [])),
  );
  const definition: WorkflowDefinition = {
    ...after,
    nodes: { ...after.nodes, ...removedNodes },
    layout: { ...after.layout, ...removedLayout },
  };
  const nodeMarks = new Map<string, Mark>([
    ...diff.added.map((id) => [id, 'added'] as const),
    ...diff.removed.map((id) => [id, 'removed'] as const),
    ...diff.changed.map((id) => [id, 'changed'] as const),
  ]);
  const edgeMarks = new Map<string, Mark>([
    ...diff.addedWires.map((w) => [w.id, 'added'] as const),
    ...diff.rewired.map((w) => [w.id, 'changed'] as const),
    ...diff.removedWires.filter((w) => diff.removed.includes(w.from)).map((w) => [w.id, 'removed'] as const),
  ]);
  return { definition, diff, nodeMarks, edgeMarks };
}
