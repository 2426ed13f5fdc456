/** Copy and paste of steps: wires among the copied steps follow the copies; wires out stay as they were. */
import type { WorkflowDefinition, WorkflowNode } from '@civicdesk/schemas';
import { retarget, type Position } from './edit.js';
import { freeId } from './node-templates.js';

export type Clipboard = { nodes: Record<string, WorkflowNode>; layout: Record<string, Position> };

/** The selected steps with their positions. */
export function copyNodes(definition: WorkflowDefinition, ids: readonly string[]): Clipboard {
  const clip: Clipboard = { nodes: {}, layout: {} };
  for (const id of ids) {
    const node = definition.nodes[id];
    if (!node) continue;
    clip.nodes[id] = structuredClone(node);
    clip.layout[id] = definition.layout?.[id] ?? { x: 0, y: 0 };
  }
  return clip;
}

/** Adds the copied steps under fresh ids, shifted by `offset`; answers the new ids. */
export function pasteNodes(
  definition: WorkflowDefinition,
  clip: Clipboard,
  offset: Position = { x: 40, y: 40 },
): { definition: WorkflowDefinition; ids: string[] } {
  const taken = new Set(Object.keys(definition.nodes));
  const renames = new Map<string, string>();
  for (const id of Object.keys(clip.nodes)) {
    const fresh = freeId(taken, id);
    taken.add(fresh);
    renames.set(id, fresh);
  }
  const pasted = retarget(
    { ...definition, nodes: clip.nodes },
    (target) => renames.get(target) ?? target,
  ).nodes;
  const nodes = { ...definition.nodes };
  const layout = { ...definition.layout };
  for (const [id, node] of Object.entries(pasted)) {
    const fresh = renames.get(id)!;
    nodes[fresh] = node;
    const at = clip.layout[id] ?? { x: 0, y: 0 };
    layout[fresh] = { x: at.x + offset.x, y: at.y + offset.y };
  }
  const start = definition.start || [...renames.values()][0] || '';
  return { definition: { ...definition, start, nodes, layout }, ids: [...renames.values()] };
}
