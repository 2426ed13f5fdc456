/**
 * A problem the validator found in a workflow, tied to the node it concerns so the designer can
 * highlight it, and worded for the department head who drew it.
 */
import type { WorkflowNode } from './dsl.js';

export type ProblemCode =
  | 'start_missing'
  | 'unknown_target'
  | 'unwired'
  | 'decision_without_default'
  | 'duplicate_rule_name'
  | 'task_without_outcomes'
  | 'unreachable'
  | 'no_end'
  | 'dead_end'
  | 'automatic_loop'
  | 'unknown_department'
  | 'unknown_role'
  | 'variable_value'
  | 'wait_kind'
  | 'wait_timeout'
  | 'join_without_parallel';

export type Problem = { node?: string; field?: string; code: ProblemCode; message: string };

/** What the validator may check against: the jurisdiction's departments and their role codes. */
export type WorkflowContext = { departments?: { code: string; roles?: string[] }[] };

const nouns: Record<WorkflowNode['type'], string> = {
  decision: 'Decision',
  task: 'Task',
  action: 'Action',
  end: 'End step',
  wait: 'Wait',
  parallel: 'Parallel step',
  join: 'Join',
};

/** "Task 'inspect'": how messages name a node. */
export function nodeLabel(id: string, node: WorkflowNode | undefined): string {
  return `${node ? nouns[node.type] : 'Step'} '${id}'`;
}

/** "'a', 'b' or 'c'": a short list of names for a message. */
export function nameList(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
