/** Applying task events: the row was written, staff completed it. */
import { emit, system, tokenWaiting, type Draft, type EventOf } from './draft.js';
import { enterNode } from './enter.js';
import { armEscalations } from './escalate.js';
import { EngineError } from './errors.js';
import { getNodeOfType } from './nodes.js';
import { checkTaskCompletion } from './tasks.js';

/** Records the task row's id; the token now waits for staff. */
export function onTaskCreated(draft: Draft, event: EventOf<'taskCreated'>): void {
  const token = tokenWaiting(draft, event.node, 'taskCreated');
  if (!event.taskId) throw new EngineError(`Task created at "${event.node}" has an empty task id`);
  const clash = draft.state.tokens.find(
    (t) => t.wait.on === 'taskCompleted' && t.wait.taskId === event.taskId,
  );
  if (clash) throw new EngineError(`Task id ${event.taskId} is already open at "${clash.node}"`);
  token.wait = { on: 'taskCompleted', taskId: event.taskId };
  const node = getNodeOfType(draft.definition, event.node, 'task');
  const assign = token.assign ?? node.assign;
  const who = assign.role ? `${assign.department} (${assign.role})` : assign.department;
  emit(draft, {
    type: 'appendTimeline',
    node: event.node,
    kind: 'task_created',
    summary: `Task "${node.title}" assigned to ${who}`,
    description: null,
    public: false,
    actor: system,
    data: {
      taskId: event.taskId,
      visit: token.visit,
      department: assign.department,
      role: assign.role ?? null,
      dueAt: event.dueAt ?? null,
    },
  });
  armEscalations(draft, event.node, event.taskId, event.dueAt);
}

/** Applies staff's outcome: records it, keeps form values as variables, publishes answers, follows the edge. */
export function onTaskCompleted(draft: Draft, event: EventOf<'taskCompleted'>): void {
  const problem = checkTaskCompletion(draft.definition, draft.state, event);
  if (problem) throw new EngineError(problem);
  const token = draft.state.tokens.find(
    (t) => t.wait.on === 'taskCompleted' && t.wait.taskId === event.taskId,
  );
  if (!token) throw new EngineError(`Task ${event.taskId} is not open in this run`);
  const node = getNodeOfType(draft.definition, token.node, 'task');
  const values = { ...(event.values ?? {}) };
  Object.assign(draft.state.variables, values);
  emit(draft, {
    type: 'markTaskCompleted',
    node: token.node,
    taskId: event.taskId,
    outcome: event.outcome,
    by: event.by,
    note: event.note ?? null,
    values,
  });
  emit(draft, {
    type: 'appendTimeline',
    node: token.node,
    kind: 'task_completed',
    summary: `Task "${node.title}" completed by ${event.by}: ${event.outcome}`,
    description: event.note ?? null,
    public: false,
    actor: { type: 'staff', id: event.by },
    data: { taskId: event.taskId, outcome: event.outcome, by: event.by },
  });
  if (node.kind === 'answer' && event.note) {
    emit(draft, {
      type: 'publishAnswer',
      node: token.node,
      taskId: event.taskId,
      text: event.note,
      by: event.by,
    });
  }
  const next = node.outcomes[event.outcome];
  if (next === undefined)
    throw new EngineError(`Outcome "${event.outcome}" of "${token.node}" leads nowhere`);
  enterNode(draft, next, token.id);
}
