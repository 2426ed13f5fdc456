import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { potholeRef, potholeWorkflow as def } from '../fixtures/pothole-workflow.js';
import { EngineError, start, step, type EngineEvent, type EngineState } from './index.js';

function stateAfter(events: EngineEvent[], definition: WorkflowDefinition = def): EngineState {
  return events.reduce((state, event) => step(definition, state, event).state, start(definition, potholeRef));
}
const started: EngineEvent = { type: 'started' };
const atInspect = stateAfter([
  started,
  { type: 'decisionEvaluated', node: 'triage', matchedRule: null, next: 'inspect' },
  { type: 'taskCreated', node: 'inspect', taskId: 't1' },
]);
const reject = (state: EngineState, event: EngineEvent, message: string | RegExp, definition = def) => {
  expect(() => step(definition, state, event)).toThrow(EngineError);
  expect(() => step(definition, state, event)).toThrow(message);
};

describe('impossible events are rejected with a clear error', () => {
  it('a second start', () => reject(stateAfter([started]), started, 'The run has already started'));

  it('a decision result for a node no token waits at', () =>
    reject(
      stateAfter([started]),
      { type: 'decisionEvaluated', node: 'inspect', matchedRule: null, next: 'inspect' },
      'No token at "inspect" is waiting for decision; tokens: triage (waiting for decision)',
    ));

  it('a decision result whose next disagrees with the rule', () =>
    reject(
      stateAfter([started]),
      { type: 'decisionEvaluated', node: 'triage', matchedRule: 0, next: 'inspect' },
      'Decision "triage" leads to "urgent-repair" for that result, not "inspect"',
    ));

  it('a rule index the decision does not have', () =>
    reject(
      stateAfter([started]),
      { type: 'decisionEvaluated', node: 'triage', matchedRule: 3, next: 'inspect' },
      'Decision "triage" has no rule 3 (it has 1)',
    ));

  it('no match at a decision without a default', () => {
    const strict: WorkflowDefinition = {
      ...def,
      nodes: { ...def.nodes, triage: { type: 'decision', rules: [] } },
    };
    reject(
      stateAfter([started], strict),
      { type: 'decisionEvaluated', node: 'triage', matchedRule: null, next: null },
      'Decision "triage" matched no rule and has no default',
      strict,
    );
  });

  it('a task row for a node that is not waiting for one', () =>
    reject(
      atInspect,
      { type: 'taskCreated', node: 'inspect', taskId: 't9' },
      'No token at "inspect" is waiting for taskCreated; tokens: inspect (waiting for taskCompleted)',
    ));

  it('a completion for a task that is not open, listing the open ones', () =>
    reject(
      atInspect,
      { type: 'taskCompleted', taskId: 'nope', outcome: 'confirmed', by: 'ana' },
      'Task nope is not open in this run; open tasks: t1 (inspect)',
    ));

  it('an outcome the task does not offer, listing the allowed ones', () =>
    reject(
      atInspect,
      { type: 'taskCompleted', taskId: 't1', outcome: 'fixed', by: 'ana' },
      'Outcome "fixed" is not allowed for task "Inspect the site" (inspect); allowed: confirmed, not_found',
    ));

  it('actionDone at a node that is not an action', () =>
    reject(
      atInspect,
      { type: 'actionDone', node: 'inspect' },
      'No token at "inspect" is waiting for actionDone',
    ));

  it('any event once the run is closed', () => {
    const closed = stateAfter([
      started,
      { type: 'decisionEvaluated', node: 'triage', matchedRule: null, next: 'inspect' },
      { type: 'taskCreated', node: 'inspect', taskId: 't1' },
      { type: 'taskCompleted', taskId: 't1', outcome: 'not_found', by: 'ana' },
      { type: 'actionDone', node: 'close-not-found' },
    ]);
    expect(closed).toMatchObject({ closed: true, status: 'no_further_action', resolution: 'not_found' });
    reject(
      closed,
      { type: 'taskCompleted', taskId: 't1', outcome: 'confirmed', by: 'ana' },
      'The run is closed (not_found); cannot apply taskCompleted',
    );
  });

  it('a node type the engine does not run yet', () => {
    const future = {
      ...def,
      nodes: { ...def.nodes, triage: { type: 'teleport', next: 'inspect' } },
    } as unknown as WorkflowDefinition;
    reject(
      start(future, potholeRef),
      started,
      'Node type "teleport" at "triage" is not supported yet',
      future,
    );
  });

  it('an edge to a node that does not exist', () => {
    const broken: WorkflowDefinition = {
      ...def,
      nodes: { ...def.nodes, triage: { type: 'decision', rules: [], default: 'ghost' } },
    };
    reject(
      stateAfter([started], broken),
      { type: 'decisionEvaluated', node: 'triage', matchedRule: null, next: 'ghost' },
      'Workflow "pothole-repair" has no node "ghost"',
      broken,
    );
  });
});
