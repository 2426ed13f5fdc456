/**
 * The workflow as a graph: every wire from one node to the next, named by the field that holds it.
 * The validator, the designer (drawing edges) and the simulator all read wires the same way.
 */
import type { WorkflowDefinition, WorkflowNode } from './dsl.js';

/** One wire. `to` is what the YAML says, which may be empty or name no node; the validator checks. */
export type WorkflowEdge = {
  from: string;
  to: string | undefined;
  /** Path inside the node, e.g. `outcomes.confirmed`, `rules[0].next`, `default`, `next`, `on_failure`. */
  field: string;
  via:
    | { kind: 'outcome'; outcome: string }
    | { kind: 'rule'; index: number; name?: string }
    | { kind: 'branch'; index: number }
    | { kind: 'default' | 'next' | 'on_failure' | 'on_timeout' };
};

/** The wires leaving one node, in the order the YAML lists them. */
export function nodeEdges(from: string, node: WorkflowNode): WorkflowEdge[] {
  switch (node.type) {
    case 'decision': {
      const edges: WorkflowEdge[] = (node.rules ?? []).map((rule, index) => ({
        from,
        to: rule.next,
        field: `rules[${index}].next`,
        via: rule.name === undefined ? { kind: 'rule', index } : { kind: 'rule', index, name: rule.name },
      }));
      if (node.default !== undefined)
        edges.push({ from, to: node.default, field: 'default', via: { kind: 'default' } });
      return edges;
    }
    case 'task':
      return Object.entries(node.outcomes ?? {}).map(([outcome, to]) => ({
        from,
        to,
        field: `outcomes.${outcome}`,
        via: { kind: 'outcome', outcome },
      }));
    case 'action': {
      const edges: WorkflowEdge[] = [{ from, to: node.next, field: 'next', via: { kind: 'next' } }];
      if ((node.action === 'webhook' || node.action === 'link_duplicate') && node.on_failure !== undefined)
        edges.push({ from, to: node.on_failure, field: 'on_failure', via: { kind: 'on_failure' } });
      return edges;
    }
    case 'wait': {
      const edges: WorkflowEdge[] = [{ from, to: node.next, field: 'next', via: { kind: 'next' } }];
      if (node.on_timeout !== undefined)
        edges.push({ from, to: node.on_timeout, field: 'on_timeout', via: { kind: 'on_timeout' } });
      return edges;
    }
    case 'parallel':
      return (node.branches ?? []).map((to, index) => ({
        from,
        to,
        field: `branches[${index}]`,
        via: { kind: 'branch', index },
      }));
    case 'join':
      return [{ from, to: node.next, field: 'next', via: { kind: 'next' } }];
    case 'end':
      return [];
  }
}

/** Every wire of a workflow, node by node. */
export function workflowEdges(definition: WorkflowDefinition): WorkflowEdge[] {
  return Object.entries(definition.nodes).flatMap(([id, node]) => nodeEdges(id, node));
}

/** True when `id` names a node of the workflow (own keys only: `constructor` is not a node). */
export function hasNode(definition: WorkflowDefinition, id: string | undefined): id is string {
  return id !== undefined && Object.hasOwn(definition.nodes, id);
}

/** Node ids reachable from `from` along wires whose target exists. */
export function reachableFrom(definition: WorkflowDefinition, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = hasNode(definition, from) ? [from] : [];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const node = definition.nodes[id];
    if (!node) continue;
    for (const edge of nodeEdges(id, node)) {
      if (hasNode(definition, edge.to) && !seen.has(edge.to)) queue.push(edge.to);
    }
  }
  return seen;
}
