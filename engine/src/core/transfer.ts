/** Staff move a waiting task to another department (or role); the run keeps the new assignee. */
import { emit, type Draft, type EventOf } from './draft.js';
import { EngineError } from './errors.js';
import { getNodeOfType } from './nodes.js';

/** Reassigns the open task's token and tells the store to move the task row and the request. */
export function onTaskTransferred(draft: Draft, event: EventOf<'taskTransferred'>): void {
  const token = draft.state.tokens.find(
    (t) => t.wait.on === 'taskCompleted' && t.wait.taskId === event.taskId,
  );
  if (!token) throw new EngineError(`Task ${event.taskId} is not open in this run`);
  const task = getNodeOfType(draft.definition, token.node, 'task');
  token.assign = { department: event.department, ...(event.role ? { role: event.role } : {}) };
  emit(draft, {
    type: 'appendTimeline',
    node: token.node,
    kind: 'task_transferred',
    summary: `Task "${task.title}" transferred to ${event.department}${event.role ? ` (${event.role})` : ''} by ${event.by}`,
    description: event.note ?? null,
    public: false,
    actor: { type: 'staff', id: event.by },
    data: { taskId: event.taskId, department: event.department, role: event.role, by: event.by },
  });
  emit(draft, {
    type: 'reassignTask',
    node: token.node,
    taskId: event.taskId,
    department: event.department,
    role: event.role,
  });
}
