import { describe, expect, it } from 'vitest';
import { potholeRef, potholeWorkflow as def } from '../fixtures/pothole-workflow.js';
import { drive, openTasks, start, step, type EngineCommand, type Effects } from './index.js';

describe('drive', () => {
  it('carries out commands until the run waits for a human, then until it closes', async () => {
    const seen: EngineCommand['type'][] = [];
    const effects: Effects = async (command) => {
      seen.push(command.type);
      if (command.type === 'evaluateDecision')
        return { type: 'decisionEvaluated', node: command.node, matchedRule: 0, next: 'urgent-repair' };
      if (command.type === 'createTask') return { type: 'taskCreated', node: command.node, taskId: 'task-1' };
      if (command.type === 'setStatus' || command.type === 'close')
        return { type: 'actionDone', node: command.node };
      return null;
    };
    const waiting = await drive(def, step(def, start(def, potholeRef), { type: 'started' }), effects);
    expect(openTasks(def, waiting).map((t) => t.taskId)).toEqual(['task-1']);
    expect(seen).toEqual([
      'appendTimeline',
      'evaluateDecision',
      'appendTimeline',
      'createTask',
      'appendTimeline',
    ]);
    const observed: string[] = [];
    const closed = await drive(
      def,
      step(def, waiting, { type: 'taskCompleted', taskId: 'task-1', outcome: 'repaired', by: 'crew' }),
      effects,
      (s) => observed.push(s.status),
    );
    expect(closed).toMatchObject({
      closed: true,
      status: 'fixed',
      path: ['triage', 'urgent-repair', 'mark-fixed', 'done'],
    });
    expect(observed.at(-1)).toBe('fixed');
  });
});
