/**
 * Edit operations on a workflow definition. Each returns a new definition and never mutates its input,
 * so undo keeps plain snapshots and React sees a new value on every change.
 */
import { nodeEdges, type WorkflowDefinition, type WorkflowNode } from '@civicdesk/schemas';
import { retargetEntryPoints } from './entry-points.js';
import { NEW_BRANCH, NEW_OUTCOME, NEW_RULE, optionalWires } from './exits.js';
import { setAtPath } from './field-path.js';
import { freeId } from './node-templates.js';

export type Position = { x: number; y: number };
type Nodes = WorkflowDefinition['nodes'];

/** Adds `node` at `position` under a free id from `base`; the first step becomes the start. */
export function addNode(
  definition: WorkflowDefinition,
  node: WorkflowNode,
  position: Position,
  base: string,
): { definition: WorkflowDefinition; id: string } {
  const id = freeId(Object.keys(definition.nodes), base);
  const start = Object.keys(definition.nodes).length === 0 || !definition.start ? id : definition.start;
  return {
    id,
    definition: {
      ...definition,
      start,
      nodes: { ...definition.nodes, [id]: node },
      layout: { ...definition.layout, [id]: roundPosition(position) },
    },
  };
}

/** Replaces one node's content (properties panel edits). */
export function updateNode(
  definition: WorkflowDefinition,
  id: string,
  node: WorkflowNode,
): WorkflowDefinition {
  return { ...definition, nodes: { ...definition.nodes, [id]: node } };
}

/** Wires exit `handle` of `from` to `to`; slot handles add a rule or an outcome first. */
export function connect(
  definition: WorkflowDefinition,
  from: string,
  handle: string,
  to: string,
): WorkflowDefinition {
  const node = definition.nodes[from];
  if (!node) return definition;
  if (handle === NEW_RULE && node.type === 'decision') {
    const rule = { name: `Rule ${node.rules.length + 1}`, when: { all: [] }, next: to };
    return updateNode(definition, from, { ...node, rules: [...node.rules, rule] });
  }
  if (handle === NEW_OUTCOME && node.type === 'task') {
    const name = freeId(
      Object.keys(node.outcomes),
      Object.keys(node.outcomes).length === 0 ? 'done' : 'outcome',
    );
    return updateNode(definition, from, {
      ...node,
      outcomes: { ...node.outcomes, [name.replace(/-/g, '_')]: to },
    });
  }
  if (handle === NEW_BRANCH && node.type === 'parallel') {
    return updateNode(definition, from, { ...node, branches: [...node.branches, to] });
  }
  return updateNode(definition, from, setAtPath(node, handle, to));
}

/** Unwires exit `handle` of `from`: optional wires (a default) go away, others wait to be wired again. */
export function disconnect(definition: WorkflowDefinition, from: string, handle: string): WorkflowDefinition {
  const node = definition.nodes[from];
  if (!node) return definition;
  if (optionalWires(node).includes(handle)) {
    const rest: Record<string, unknown> = { ...node };
    delete rest[handle];
    return updateNode(definition, from, rest as WorkflowNode);
  }
  return updateNode(definition, from, setAtPath(node, handle, ''));
}

/** Renames a node and every wire, the start and the layout entry that name it. */
export function renameNode(definition: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  if (from === to || !definition.nodes[from] || definition.nodes[to]) return definition;
  const nodes: Nodes = {};
  for (const [id, node] of Object.entries(definition.nodes)) nodes[id === from ? to : id] = node;
  const renamed = retarget({ ...definition, nodes }, (target) => (target === from ? to : target));
  const layout = definition.layout ? renameKey(definition.layout, from, to) : undefined;
  return retargetEntryPoints({ ...renamed, ...(layout ? { layout } : {}) }, from, to);
}

/** Deletes nodes; wires that led to them are left unwired so the validator points at each one. */
export function deleteNodes(definition: WorkflowDefinition, ids: readonly string[]): WorkflowDefinition {
  const gone = new Set(ids);
  const nodes: Nodes = {};
  for (const [id, node] of Object.entries(definition.nodes)) if (!gone.has(id)) nodes[id] = node;
  let next = [...gone].reduce<WorkflowDefinition>((d, id) => retargetEntryPoints(d, id, undefined), {
    ...definition,
    nodes,
  });
  if (definition.layout) {
    next.layout = Object.fromEntries(Object.entries(definition.layout).filter(([id]) => !gone.has(id)));
  }
  for (const [id, node] of Object.entries(nodes)) {
    for (const edge of nodeEdges(id, node)) {
      if (edge.to !== undefined && gone.has(edge.to)) next = disconnect(next, id, edge.field);
    }
  }
  return next;
}

/** Stores dragged positions in the layout block. */
export function moveNodes(
  definition: WorkflowDefinition,
  positions: Record<string, Position>,
): WorkflowDefinition {
  const unmoved = Object.entries(positions).every(([id, p]) => {
    const at = definition.layout?.[id];
    return at !== undefined && at.x === Math.round(p.x) && at.y === Math.round(p.y);
  });
  if (unmoved) return definition;
  const layout = { ...definition.layout };
  for (const [id, position] of Object.entries(positions)) layout[id] = roundPosition(position);
  return { ...definition, layout };
}

/** Makes `id` the first step. */
export function setStart(definition: WorkflowDefinition, id: string): WorkflowDefinition {
  return { ...definition, start: id };
}

/** Every wire target rewritten by `map` (used by rename and paste). */
export function retarget(
  definition: WorkflowDefinition,
  map: (target: string) => string,
): WorkflowDefinition {
  const nodes: Nodes = {};
  for (const [id, node] of Object.entries(definition.nodes)) {
    let next = node;
    for (const edge of nodeEdges(id, node)) {
      if (edge.to && map(edge.to) !== edge.to) next = setAtPath(next, edge.field, map(edge.to));
    }
    nodes[id] = next;
  }
  return { ...definition, nodes };
}

function renameKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

function roundPosition(position: Position): Position {
  return { x: Math.round(position.x), y: Math.round(position.y) };
}
