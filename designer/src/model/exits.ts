/**
 * A node's exits: the handles edges leave from. Existing wires come from the DSL's own `nodeEdges`
 * (so new wire kinds appear without designer changes); "slots" add a new rule or outcome on connect.
 */
import { nodeEdges, type WorkflowNode } from '@civicdesk/schemas';

export const NEW_RULE = 'new-rule';
export const NEW_OUTCOME = 'new-outcome';
export const NEW_BRANCH = 'new-branch';

/** Wires a node may have but need not: shown as exits while absent, removed again when unwired. */
export const OPTIONAL_WIRES: Record<string, string[]> = {
  decision: ['default'],
  wait: ['on_timeout'],
  'action:link_duplicate': ['on_failure'],
};

/** The optional wire fields of a node (by type, or `action:<kind>`). */
export function optionalWires(node: WorkflowNode): string[] {
  const action = (node as { action?: string }).action;
  return OPTIONAL_WIRES[node.type === 'action' && action ? `action:${action}` : node.type] ?? [];
}

export type Exit = {
  /** Handle id: the wire's field (`next`, `default`, `outcomes.done`, `rules[0].next`) or a slot. */
  id: string;
  label: string;
  /** Where it leads now; '' or undefined when unwired. */
  to: string | undefined;
  slot: boolean;
};

/** The exits of a node, in YAML order, then its slots. End steps have none. */
export function exitsOf(id: string, node: WorkflowNode): Exit[] {
  const exits: Exit[] = nodeEdges(id, node).map((edge) => ({
    id: edge.field,
    to: edge.to,
    slot: false,
    label: exitLabel(edge.via as { kind: string; outcome?: string; index?: number; name?: string }),
  }));
  if (node.type === 'decision') exits.push({ id: NEW_RULE, label: '+ rule', to: undefined, slot: true });
  if (node.type === 'task') exits.push({ id: NEW_OUTCOME, label: '+ outcome', to: undefined, slot: true });
  if (node.type === 'parallel') exits.push({ id: NEW_BRANCH, label: '+ branch', to: undefined, slot: true });
  for (const field of optionalWires(node)) {
    if (!exits.some((exit) => exit.id === field))
      exits.push({ id: field, label: field.replace(/_/g, ' '), to: undefined, slot: false });
  }
  return exits;
}

function exitLabel(via: { kind: string; outcome?: string; index?: number; name?: string }): string {
  if (via.kind === 'outcome') return via.outcome ?? 'outcome';
  if (via.kind === 'rule') return via.name ?? `rule ${(via.index ?? 0) + 1}`;
  if (via.kind === 'branch') return `branch ${(via.index ?? 0) + 1}`;
  return via.kind.replace(/_/g, ' ');
}
