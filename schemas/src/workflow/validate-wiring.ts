/**
 * Checks each node's own wiring: every wire leads to an existing node, decisions have a default,
 * tasks have outcomes, rule names are unique.
 */
import type { WorkflowDefinition, WorkflowNode } from './dsl.js';
import { hasNode, nodeEdges, type WorkflowEdge } from './graph.js';
import { nameList, nodeLabel, type Problem } from './problem.js';

/** The wiring problems of one node, in the order its fields appear. */
export function wiringProblems(definition: WorkflowDefinition, id: string, node: WorkflowNode): Problem[] {
  const problems: Problem[] = [];
  for (const edge of nodeEdges(id, node)) {
    const problem = edgeProblem(definition, node, edge);
    if (problem) problems.push(problem);
  }
  const label = nodeLabel(id, node);
  if (node.type === 'decision') {
    if (node.default === undefined || node.default === '') {
      problems.push({
        node: id,
        field: 'default',
        code: 'decision_without_default',
        message: `${label} has no default. Add one for requests that match no rule, or they will stop here.`,
      });
    }
    const seen = new Set<string>();
    (node.rules ?? []).forEach((rule, index) => {
      if (rule.name === undefined) return;
      if (seen.has(rule.name)) {
        problems.push({
          node: id,
          field: `rules[${index}].name`,
          code: 'duplicate_rule_name',
          message: `${label} has two rules named '${rule.name}'. Give each rule its own name so the history shows which one matched.`,
        });
      }
      seen.add(rule.name);
    });
  }
  if (node.type === 'task' && Object.keys(node.outcomes ?? {}).length === 0) {
    problems.push({
      node: id,
      field: 'outcomes',
      code: 'task_without_outcomes',
      message: `${label} has no outcomes, so staff cannot finish it. Add at least one, e.g. done, and connect it to the next step.`,
    });
  }
  return problems;
}

function edgeProblem(
  definition: WorkflowDefinition,
  node: WorkflowNode,
  edge: WorkflowEdge,
): Problem | undefined {
  if (hasNode(definition, edge.to)) return undefined;
  const subject = edgeSubject(nodeLabel(edge.from, node), edge);
  const at = { node: edge.from, field: edge.field };
  if (edge.to === undefined || edge.to === '') {
    return {
      ...at,
      code: 'unwired',
      message: `${subject} does not lead anywhere. Connect it to the next step.`,
    };
  }
  const existing = Object.keys(definition.nodes);
  const choices = existing.length > 0 && existing.length <= 8 ? ` (${nameList(existing)})` : '';
  return {
    ...at,
    code: 'unknown_target',
    message: `${subject} leads to '${edge.to}', which does not exist. Pick an existing node${choices} or add one.`,
  };
}

/** "Task 'inspect' outcome 'confirmed'", "Decision 'triage' rule 2 ('deep')", "Action 'notify'". */
function edgeSubject(label: string, edge: WorkflowEdge): string {
  switch (edge.via.kind) {
    case 'outcome':
      return `${label} outcome '${edge.via.outcome}'`;
    case 'rule':
      return `${label} rule ${edge.via.index + 1}${edge.via.name === undefined ? '' : ` ('${edge.via.name}')`}`;
    case 'default':
      return `${label} default`;
    case 'next':
      return label;
    case 'on_failure':
      return `${label} on_failure`;
    case 'on_timeout':
      return `${label} on_timeout`;
    case 'branch':
      return `${label} branch ${edge.via.index + 1}`;
  }
}
