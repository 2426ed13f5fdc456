/**
 * Checks the paths through a workflow: every node reachable from the start, an end reachable from
 * everywhere, and no loop made only of automatic steps (which would spin without anyone acting).
 * Wires that are already broken count as a way out, so one mistake is reported once, where it is.
 */
import type { WorkflowDefinition } from './dsl.js';
import { hasNode, nodeEdges, reachableFrom } from './graph.js';
import { nameList, nodeLabel, type Problem } from './problem.js';

/** Path problems; none when `start` is missing, since every path question starts there. */
export function pathProblems(definition: WorkflowDefinition): Problem[] {
  if (!hasNode(definition, definition.start)) return [];
  const reachable = reachableFrom(definition, definition.start);
  const problems: Problem[] = Object.entries(definition.nodes)
    .filter(([id]) => !reachable.has(id))
    .map(([id, node]): Problem => ({
      node: id,
      code: 'unreachable',
      message: `${nodeLabel(id, node)} cannot be reached from the start '${definition.start}'. Connect a step to it or delete it.`,
    }));
  return [...problems, ...endProblems(definition, reachable), ...automaticLoops(definition)];
}

/** No end at all, none reachable from the start, or reachable nodes stuck in a loop without exit. */
function endProblems(definition: WorkflowDefinition, reachable: Set<string>): Problem[] {
  if (!Object.values(definition.nodes).some((node) => node.type === 'end')) {
    return [
      {
        code: 'no_end',
        message:
          'This workflow has no end step, so no request can ever close. Add an end step (type: end) and connect the last steps to it.',
      },
    ];
  }
  const exits = nodesWithWayOut(definition);
  if (!exits.has(definition.start)) {
    return [
      {
        node: definition.start,
        code: 'no_end',
        message: `No end step can be reached from the start '${definition.start}', so requests would never close. Connect a step on the way to an end step.`,
      },
    ];
  }
  return Object.entries(definition.nodes)
    .filter(([id]) => reachable.has(id) && !exits.has(id))
    .map(([id, node]) => ({
      node: id,
      code: 'dead_end',
      message: `From ${nodeLabel(id, node)} no end step can be reached: requests that get here go round for ever. Give the loop a way out to an end step.`,
    }));
}

/** Nodes from which an end (or a broken wire, reported elsewhere) can be reached. */
function nodesWithWayOut(definition: WorkflowDefinition): Set<string> {
  const comesFrom = new Map<string, string[]>();
  const exits = new Set<string>();
  for (const [id, node] of Object.entries(definition.nodes)) {
    const edges = nodeEdges(id, node);
    if (node.type === 'end' || edges.length === 0 || edges.some((edge) => !hasNode(definition, edge.to)))
      exits.add(id);
    for (const edge of edges) {
      if (hasNode(definition, edge.to)) comesFrom.set(edge.to, [...(comesFrom.get(edge.to) ?? []), id]);
    }
  }
  const queue = [...exits];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const before of comesFrom.get(id) ?? []) {
      if (!exits.has(before)) {
        exits.add(before);
        queue.push(before);
      }
    }
  }
  return exits;
}

/** Cycles of decisions, actions, forks and joins only: nothing in them waits, so they never stop. */
function automaticLoops(definition: WorkflowDefinition): Problem[] {
  const automatic = (id: string | undefined) => {
    const type = hasNode(definition, id) ? definition.nodes[id]?.type : undefined;
    return type === 'decision' || type === 'action' || type === 'parallel' || type === 'join';
  };
  const next = (id: string) =>
    nodeEdges(id, definition.nodes[id]!).flatMap((edge) => (automatic(edge.to) ? [edge.to!] : []));
  const ids = Object.keys(definition.nodes).filter(automatic);
  return stronglyConnected(ids, next)
    .filter((group) => group.length > 1 || next(group[0]!).includes(group[0]!))
    .map((group): Problem => ({
      node: group[0],
      code: 'automatic_loop',
      message: `Steps ${nameList(group)} form a loop with no task in it, so a request would circle for ever without anyone acting. Put a task in the loop or send one branch elsewhere.`,
    }));
}

/** Tarjan's strongly connected components, each listed in the order of `ids`. */
function stronglyConnected(ids: string[], next: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (id: string) => {
    index.set(id, index.size);
    low.set(id, index.get(id)!);
    stack.push(id);
    for (const to of next(id)) {
      if (!index.has(to)) {
        visit(to);
        low.set(id, Math.min(low.get(id)!, low.get(to)!));
      } else if (stack.includes(to)) {
        low.set(id, Math.min(low.get(id)!, index.get(to)!));
      }
    }
    if (low.get(id) !== index.get(id)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member !== undefined) group.push(member);
    } while (member !== undefined && member !== id);
    groups.push(group.sort((a, b) => ids.indexOf(a) - ids.indexOf(b)));
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return groups;
}
