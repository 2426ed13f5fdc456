/** Auto-layout with ELK's layered algorithm: steps flow left to right, wires cross as little as possible. */
import ELK from 'elkjs/lib/elk.bundled.js';
import { hasNode, nodeEdges, type WorkflowDefinition } from '@civicdesk/schemas';
import type { Position } from './edit.js';
import { exitsOf } from './exits.js';

const elk = new ELK();
export const NODE_WIDTH = 230;

/** Height the canvas draws a step at: a header plus one row per exit. */
export function nodeHeight(exitCount: number): number {
  return 64 + Math.max(exitCount, 1) * 22;
}

/**
 * Options that matter only for big workflows: ELK's default effort spent ~16 s laying out 300 steps on
 * a busy 2-core machine; one crossing-minimisation pass, merged wires and balanced placement took ~5 s
 * (bench/designer). Small workflows keep the most careful layout.
 */
const bigGraphOptions = {
  'elk.layered.thoroughness': '1',
  'elk.layered.mergeEdges': 'true',
  'elk.layered.compaction.postCompaction.strategy': 'NONE',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
};
export const bigGraphSteps = 100;

/** Positions for every node, from the start step onwards. */
export async function autoLayout(definition: WorkflowDefinition): Promise<Record<string, Position>> {
  const ids = Object.keys(definition.nodes);
  const ordered = hasNode(definition, definition.start)
    ? [definition.start, ...ids.filter((id) => id !== definition.start)]
    : ids;
  const graph = await elk.layout({
    id: 'workflow',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      ...(ids.length > bigGraphSteps ? bigGraphOptions : {}),
    },
    children: ordered.map((id) => ({
      id,
      width: NODE_WIDTH,
      height: nodeHeight(exitsOf(id, definition.nodes[id]!).length),
    })),
    edges: ordered.flatMap((id) =>
      nodeEdges(id, definition.nodes[id]!)
        .filter((edge) => hasNode(definition, edge.to))
        .map((edge) => ({ id: `${id}:${edge.field}`, sources: [id], targets: [edge.to as string] })),
    ),
  });
  const positions: Record<string, Position> = {};
  for (const child of graph.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}
