/** SLA escalations: timers from the task's deadline; each level notifies and/or reassigns while the task is open. */
import { emit, system, type Draft, type EventOf } from './draft.js';
import { durationMs } from './duration.js';
import { isoFromMs } from './business-time.js';
import { instantMs } from './instant.js';
import { getNodeOfType } from './nodes.js';

/** Arms one timer per escalation level of the task just created, counted from its SLA deadline. */
export function armEscalations(
  draft: Draft,
  node: string,
  taskId: string,
  dueAt: string | null | undefined,
): void {
  const task = getNodeOfType(draft.definition, node, 'task');
  const due = dueAt ? instantMs(dueAt) : null;
  if (!task.escalate || task.escalate.length === 0 || due === null || !dueAt) return;
  task.escalate.forEach((level, index) => {
    const timerId = draft.state.seq + 1;
    const until = isoFromMs(due + durationMs(level.after ?? 'PT0S'));
    emit(draft, { type: 'startTimer', node, timerId, delay: null, until });
    draft.state.escalations = {
      ...draft.state.escalations,
      [timerId]: { taskId, node, level: index, dueAt },
    };
  });
}

/** True when the timer was an escalation's (fired or stale); fires the level if its task is still open. */
export function onEscalationTimer(draft: Draft, event: EventOf<'timerFired'>): boolean {
  const entry = draft.state.escalations?.[event.timerId];
  if (!entry) return false;
  const rest = { ...draft.state.escalations };
  delete rest[event.timerId];
  draft.state.escalations = rest;
  const token = draft.state.tokens.find(
    (t) => t.wait.on === 'taskCompleted' && t.wait.taskId === entry.taskId,
  );
  if (!token) return true;
  const task = getNodeOfType(draft.definition, entry.node, 'task');
  const level = task.escalate?.[entry.level];
  if (!level) return true;
  const assign = token.assign ?? task.assign;
  const to = level.reassign_to;
  emit(draft, {
    type: 'appendTimeline',
    node: entry.node,
    kind: 'escalated',
    summary:
      `Task "${task.title}" is overdue (due ${entry.dueAt}): escalation ${entry.level + 1}` +
      (to ? `, reassigned to ${to.department}${to.role ? ` (${to.role})` : ''}` : ''),
    description: null,
    public: false,
    actor: system,
    data: { taskId: entry.taskId, level: entry.level + 1, dueAt: entry.dueAt, firedAt: event.at ?? null },
  });
  if (level.notify) {
    emit(draft, {
      type: 'queueNotification',
      node: entry.node,
      template: level.notify.template,
      channel: level.notify.channel ?? 'email',
      data: {
        taskId: entry.taskId,
        title: task.title,
        dueAt: entry.dueAt,
        department: (to ?? assign).department,
        level: String(entry.level + 1),
      },
    });
  }
  if (to) {
    token.assign = { ...to };
    emit(draft, {
      type: 'reassignTask',
      node: entry.node,
      taskId: entry.taskId,
      department: to.department,
      role: to.role ?? null,
    });
  }
  if (level.every) {
    const timerId = draft.state.seq + 1;
    emit(draft, { type: 'startTimer', node: entry.node, timerId, delay: level.every, until: null });
    draft.state.escalations = { ...draft.state.escalations, [timerId]: entry };
  }
  return true;
}
