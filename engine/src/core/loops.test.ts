import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { openTasks, start, step, type EngineState } from './index.js';

/** A send-back loop: a supervisor approves the crew's work or sends it back, with an SLA escalation. */
const review: WorkflowDefinition = {
  workflow: 'repair-review',
  title: 'Repair with review',
  services: [],
  start: 'fix',
  nodes: {
    fix: {
      type: 'task',
      kind: 'work',
      title: 'Fix it',
      assign: { department: 'streets', role: 'crew' },
      sla: { business_days: 1 },
      escalate: [{ after: 'PT0S', reassign_to: { department: 'streets', role: 'supervisor' } }],
      form: [{ type: 'string', name: 'what_was_done', required: true }],
      outcomes: { done: 'check' },
    },
    check: {
      type: 'task',
      kind: 'approve',
      title: 'Approve the repair',
      assign: { department: 'streets', role: 'supervisor' },
      outcomes: { approved: 'close', send_back: 'fix' },
    },
    close: { type: 'end', resolution: 'fixed', status: 'fixed' },
  },
};
const ref = { workflow: 'repair-review', version: 1, hash: 'h' };

const created = (state: EngineState, node: string, taskId: string, dueAt?: string) =>
  step(review, state, { type: 'taskCreated', node, taskId, ...(dueAt ? { dueAt } : {}) });

describe('send-back loops', () => {
  it('creates a new task per visit, re-arms its escalation, and leaves the old escalation stale', () => {
    let { state } = step(review, start(review, ref), { type: 'started' });
    const first = created(state, 'fix', 'f1', '2026-12-08T16:00:00.000Z');
    const firstTimer = first.commands.find((c) => c.type === 'startTimer');
    expect(firstTimer).toMatchObject({ until: '2026-12-08T16:00:00.000Z' });
    state = first.state;
    const done = { type: 'taskCompleted', outcome: 'done', by: 'crew' } as const;
    state = step(review, state, { ...done, taskId: 'f1', values: { what_was_done: 'patched' } }).state;
    state = created(state, 'check', 'c1').state;
    const sentBack = step(review, state, {
      type: 'taskCompleted',
      taskId: 'c1',
      outcome: 'send_back',
      by: 'boss',
    });
    expect(sentBack.commands.at(-1)).toMatchObject({ type: 'createTask', node: 'fix', visit: 2 });
    state = created(sentBack.state, 'fix', 'f2', '2026-12-09T16:00:00.000Z').state;
    expect(openTasks(review, state)).toMatchObject([{ taskId: 'f2', node: 'fix', visit: 2, role: 'crew' }]);

    // The first visit's escalation fires after that task was completed: nothing happens.
    expect(step(review, state, { type: 'timerFired', timerId: firstTimer!.seq }).commands).toEqual([]);
    // The second visit's escalation reassigns the open task.
    const secondTimer = Number(Object.keys(state.escalations ?? {}).at(-1));
    const fired = step(review, state, {
      type: 'timerFired',
      timerId: secondTimer,
      at: '2026-12-09T16:00:00.000Z',
    });
    expect(fired.commands.map((c) => c.type)).toEqual(['appendTimeline', 'reassignTask']);
    expect(openTasks(review, fired.state)[0]).toMatchObject({ taskId: 'f2', role: 'supervisor' });

    state = step(review, fired.state, {
      ...done,
      taskId: 'f2',
      values: { what_was_done: 'resurfaced' },
    }).state;
    expect(state.variables).toEqual({ what_was_done: 'resurfaced' });
    state = created(state, 'check', 'c2').state;
    const closed = step(review, state, {
      type: 'taskCompleted',
      taskId: 'c2',
      outcome: 'approved',
      by: 'boss',
    });
    expect(closed.state.path).toEqual(['fix', 'check', 'fix', 'check', 'close']);
    expect(closed.state.visits).toMatchObject({ fix: 2, check: 2, close: 1 });
  });
});
