/** Open human tasks and the checks a completion must pass (shared by `step` and the Update validator). */
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { formProblems } from './form.js';
import { getNodeOfType } from './nodes.js';
import type { EngineState, OpenTask } from './types.js';

/** Tasks created and not yet completed, in the order their tokens arrived. */
export function openTasks(definition: WorkflowDefinition, state: EngineState): OpenTask[] {
  return state.tokens.flatMap((token) => {
    if (token.wait.on !== 'taskCompleted') return [];
    const node = getNodeOfType(definition, token.node, 'task');
    const assign = token.assign ?? node.assign;
    return [
      {
        taskId: token.wait.taskId,
        node: token.node,
        visit: token.visit,
        title: node.title,
        department: assign.department,
        role: assign.role ?? null,
        outcomes: Object.keys(node.outcomes),
        kind: node.kind ?? 'work',
        form: node.form ?? [],
      },
    ];
  });
}

/** Why this completion cannot be applied, or null when it can. */
export function checkTaskCompletion(
  definition: WorkflowDefinition,
  state: EngineState,
  completion: {
    taskId: string;
    outcome: string;
    note?: string;
    values?: Record<string, unknown>;
    /** The task row's node and visit: lets a completion in while the run still awaits the row's creation. */
    node?: string;
    visit?: number;
  },
): string | null {
  if (state.closed)
    return `The request is closed (${state.resolution ?? state.status}); task ${completion.taskId} cannot be completed`;
  const open = openTasks(definition, state);
  const task =
    open.find((t) => t.taskId === completion.taskId) ?? taskBeingCreated(definition, state, completion);
  if (!task) {
    const ids = open.map((t) => `${t.taskId} (${t.node})`).join(', ') || 'none';
    return `Task ${completion.taskId} is not open in this run; open tasks: ${ids}`;
  }
  if (!task.outcomes.includes(completion.outcome)) {
    return `Outcome "${completion.outcome}" is not allowed for task "${task.title}" (${task.node}); allowed: ${task.outcomes.join(', ')}`;
  }
  const problems = formProblems(task.form, completion.values ?? {});
  if (problems.length > 0) return `Task "${task.title}" (${task.node}): ${problems.join('; ')}`;
  return null;
}

/** Whether staff can act on this task now: open in the run, or its row written while the run awaits the creation. */
export function isTaskActionable(
  definition: WorkflowDefinition,
  state: EngineState,
  task: { taskId: string; node?: string; visit?: number },
): boolean {
  if (state.closed) return false;
  return (
    openTasks(definition, state).some((t) => t.taskId === task.taskId) ||
    taskBeingCreated(definition, state, task) !== undefined
  );
}

/**
 * The task whose row exists but whose creation the run has not heard back about yet (the activity's
 * reply was lost to a worker crash and is being retried). Staff can already see the row; their
 * completion is accepted and applied once the creation reaches the run, instead of being refused.
 */
function taskBeingCreated(
  definition: WorkflowDefinition,
  state: EngineState,
  completion: { taskId: string; node?: string; visit?: number },
): OpenTask | undefined {
  const token = state.tokens.find(
    (t) => t.node === completion.node && t.visit === completion.visit && t.wait.on === 'taskCreated',
  );
  const node = token ? definition.nodes[token.node] : undefined;
  if (!token || node?.type !== 'task') return undefined;
  return {
    taskId: completion.taskId,
    node: token.node,
    visit: token.visit,
    title: node.title,
    kind: node.kind,
    department: (token.assign ?? node.assign).department,
    role: (token.assign ?? node.assign).role ?? null,
    outcomes: Object.keys(node.outcomes),
    form: node.form ?? [],
  };
}
