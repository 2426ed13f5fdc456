import { describe, expect, it } from 'vitest';
import { potholeWorkflow } from '../fixtures/pothole-workflow.js';
import { checkTaskCompletion, isTaskActionable, start, step } from './index.js';

const ref = { workflow: potholeWorkflow.workflow, version: 1, hash: 'h' };

/** A run whose inspect task row exists but whose creation reply has not reached the run yet. */
function awaitingCreation() {
  let { state } = step(potholeWorkflow, start(potholeWorkflow, ref), { type: 'started' });
  ({ state } = step(potholeWorkflow, state, {
    type: 'decisionEvaluated',
    node: 'triage',
    matchedRule: null,
    next: 'inspect',
  }));
  return state;
}

describe('a completion for a task the run is still creating', () => {
  it('is accepted with the row’s node and visit, and refused without them', () => {
    const state = awaitingCreation();
    const completion = { taskId: 'row-1', outcome: 'confirmed', by: 'staff:1' };
    expect(checkTaskCompletion(potholeWorkflow, state, completion)).toMatch(/not open in this run/);
    expect(
      checkTaskCompletion(potholeWorkflow, state, { ...completion, node: 'inspect', visit: 1 }),
    ).toBeNull();
    expect(checkTaskCompletion(potholeWorkflow, state, { ...completion, node: 'inspect', visit: 2 })).toMatch(
      /not open in this run/,
    );
    expect(
      checkTaskCompletion(potholeWorkflow, state, {
        ...completion,
        outcome: 'painted',
        node: 'inspect',
        visit: 1,
      }),
    ).toMatch(/Outcome "painted" is not allowed/);
  });

  it('then applies once the creation reaches the run', () => {
    let state = awaitingCreation();
    ({ state } = step(potholeWorkflow, state, { type: 'taskCreated', node: 'inspect', taskId: 'row-1' }));
    const { state: after, commands } = step(potholeWorkflow, state, {
      type: 'taskCompleted',
      taskId: 'row-1',
      outcome: 'not_found',
      by: 'staff:1',
    });
    expect(after.path.at(-1)).toBe('close-not-found');
    expect(commands.map((c) => c.type)).toContain('close');
  });
});

describe('a transfer of a task the run is still creating', () => {
  it('is actionable with the row’s node and visit, then moves the task once created', () => {
    let state = awaitingCreation();
    expect(isTaskActionable(potholeWorkflow, state, { taskId: 'row-1' })).toBe(false);
    expect(isTaskActionable(potholeWorkflow, state, { taskId: 'row-1', node: 'inspect', visit: 1 })).toBe(
      true,
    );
    expect(isTaskActionable(potholeWorkflow, state, { taskId: 'row-1', node: 'repair', visit: 1 })).toBe(
      false,
    );
    ({ state } = step(potholeWorkflow, state, { type: 'taskCreated', node: 'inspect', taskId: 'row-1' }));
    expect(isTaskActionable(potholeWorkflow, state, { taskId: 'row-1' })).toBe(true);
    const { commands } = step(potholeWorkflow, state, {
      type: 'taskTransferred',
      taskId: 'row-1',
      department: 'parks',
      role: null,
      by: 'staff:1',
    });
    expect(commands.find((c) => c.type === 'reassignTask')).toMatchObject({
      taskId: 'row-1',
      department: 'parks',
    });
  });
});
