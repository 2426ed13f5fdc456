import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { potholeRef, potholeWorkflow as def } from '../fixtures/pothole-workflow.js';
import { openTasks, start, step, type EngineEvent, type EngineState, type StepResult } from './index.js';

/** Applies events in order, returning the last result. */
function apply(events: EngineEvent[], definition: WorkflowDefinition = def): StepResult {
  let result: StepResult = { state: start(definition, potholeRef), commands: [] };
  for (const event of events) result = step(definition, result.state, event);
  return result;
}
const toInspect: EngineEvent[] = [
  { type: 'started' },
  { type: 'decisionEvaluated', node: 'triage', matchedRule: null, next: 'inspect' },
  { type: 'taskCreated', node: 'inspect', taskId: 't1' },
];

describe('start', () => {
  it('gives an unstarted state pinned to the ref', () => {
    const state = start(def, potholeRef);
    expect(state).toMatchObject({
      ref: potholeRef,
      started: false,
      tokens: [],
      path: [],
      status: 'open',
      closed: false,
    });
  });
  it('refuses a ref for another workflow', () => {
    expect(() => start(def, { ...potholeRef, workflow: 'graffiti' })).toThrow(/names workflow "graffiti"/);
  });
  it('refuses a definition whose start node is missing', () => {
    expect(() => start({ ...def, start: 'nowhere' }, potholeRef)).toThrow(
      'Workflow "pothole-repair" has no node "nowhere"',
    );
  });
});

describe('decision node', () => {
  it('asks for the decision to be evaluated on start', () => {
    const { state, commands } = apply([{ type: 'started' }]);
    expect(commands.map((c) => c.type)).toEqual(['appendTimeline', 'evaluateDecision']);
    expect(commands[1]).toMatchObject({
      node: 'triage',
      default: 'inspect',
      rules: def.nodes.triage?.type === 'decision' ? def.nodes.triage.rules : [],
    });
    expect(state.tokens).toEqual([{ id: 1, node: 'triage', visit: 1, wait: { on: 'decision' } }]);
    expect(state.path).toEqual(['triage']);
  });
  it('follows the matched rule', () => {
    const { state, commands } = apply([
      { type: 'started' },
      { type: 'decisionEvaluated', node: 'triage', matchedRule: 0, next: 'urgent-repair' },
    ]);
    expect(commands[0]).toMatchObject({
      type: 'appendTimeline',
      kind: 'decision',
      summary: 'Triage: rule 1 "deep" matched, next urgent-repair',
    });
    expect(commands[1]).toMatchObject({
      type: 'createTask',
      node: 'urgent-repair',
      visit: 1,
      department: 'streets',
      role: 'crew',
      sla: 'PT8H',
      outcomes: ['repaired', 'needs_inspection'],
    });
    expect(state.path).toEqual(['triage', 'urgent-repair']);
  });
  it('falls back to the default when no rule matched', () => {
    const { commands } = apply(toInspect.slice(0, 2));
    expect(commands[1]).toMatchObject({
      type: 'createTask',
      node: 'inspect',
      title: 'Inspect the site',
      kind: 'work',
    });
  });
});

describe('task node', () => {
  it('waits for the task row, then for its completion', () => {
    const { state, commands } = apply(toInspect);
    expect(commands).toEqual([
      expect.objectContaining({
        type: 'appendTimeline',
        kind: 'task_created',
        summary: 'Task "Inspect the site" assigned to streets (inspector)',
      }),
    ]);
    expect(openTasks(def, state)).toEqual([
      {
        taskId: 't1',
        node: 'inspect',
        visit: 1,
        title: 'Inspect the site',
        department: 'streets',
        role: 'inspector',
        outcomes: ['confirmed', 'not_found'],
        kind: 'work',
        form: [],
      },
    ]);
  });
  it('records the completion, keeps entered values and follows the outcome', () => {
    const completion = {
      type: 'taskCompleted',
      taskId: 't1',
      outcome: 'confirmed',
      by: 'ana',
      note: 'Edge crumbling',
      values: { crew_size: 2 },
    } as const;
    const { state, commands } = apply([...toInspect, completion]);
    expect(commands.map((c) => c.type)).toEqual(['markTaskCompleted', 'appendTimeline', 'createTask']);
    expect(commands[0]).toMatchObject({
      taskId: 't1',
      outcome: 'confirmed',
      by: 'ana',
      note: 'Edge crumbling',
      values: { crew_size: 2 },
    });
    expect(commands[1]).toMatchObject({
      kind: 'task_completed',
      description: 'Edge crumbling',
      actor: { type: 'staff', id: 'ana' },
      public: false,
    });
    expect(state.variables).toEqual({ crew_size: 2 });
    expect(openTasks(def, state)).toEqual([]);
    expect(state.tokens[0]).toMatchObject({ node: 'urgent-repair', wait: { on: 'taskCreated' } });
  });
});

describe('action and end nodes', () => {
  const toFixed: EngineEvent[] = [
    { type: 'started' },
    { type: 'decisionEvaluated', node: 'triage', matchedRule: 0, next: 'urgent-repair' },
    { type: 'taskCreated', node: 'urgent-repair', taskId: 't1' },
    { type: 'taskCompleted', taskId: 't1', outcome: 'repaired', by: 'crew-7' },
  ];
  it('sets the status once the action is done, then closes at the end node', () => {
    const atAction = apply(toFixed);
    expect(atAction.commands.at(-1)).toMatchObject({
      type: 'setStatus',
      node: 'mark-fixed',
      status: 'fixed',
      note: 'The pothole has been repaired.',
    });
    expect(atAction.state.status).toBe('open');
    const atEnd = step(def, atAction.state, { type: 'actionDone', node: 'mark-fixed' });
    expect(atEnd.state.status).toBe('fixed');
    expect(atEnd.commands).toEqual([
      expect.objectContaining({
        type: 'close',
        node: 'done',
        resolution: 'fixed',
        status: 'fixed',
        message: 'Fixed. Thank you for reporting it.',
      }),
    ]);
    const closed = step(def, atEnd.state, { type: 'actionDone', node: 'done' });
    expect(closed.state).toMatchObject({ closed: true, resolution: 'fixed', status: 'fixed', tokens: [] });
    expect(closed.state.path).toEqual(['triage', 'urgent-repair', 'mark-fixed', 'done']);
  });
  it('adds a note with its visibility', () => {
    const noted: WorkflowDefinition = {
      ...def,
      start: 'thanks',
      nodes: {
        ...def.nodes,
        thanks: { type: 'action', action: 'note', note: 'Thanks, we are on it.', public: true, next: 'done' },
      },
    };
    const { commands } = apply([{ type: 'started' }], noted);
    expect(commands.at(-1)).toMatchObject({
      type: 'addNote',
      node: 'thanks',
      note: 'Thanks, we are on it.',
      public: true,
    });
  });
  it('numbers every command in order across steps', () => {
    let state = start(def, potholeRef);
    const seqs: number[] = [];
    for (const event of toFixed) {
      const result = step(def, state, event);
      seqs.push(...result.commands.map((c) => c.seq));
      state = result.state;
    }
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(state.seq).toBe(seqs.length);
  });
});

describe('loops', () => {
  it('gives each visit of a task its own visit number', () => {
    const { state, commands } = apply([
      { type: 'started' },
      { type: 'decisionEvaluated', node: 'triage', matchedRule: 0, next: 'urgent-repair' },
      { type: 'taskCreated', node: 'urgent-repair', taskId: 't1' },
      { type: 'taskCompleted', taskId: 't1', outcome: 'needs_inspection', by: 'crew-7' },
      { type: 'taskCreated', node: 'inspect', taskId: 't2' },
      { type: 'taskCompleted', taskId: 't2', outcome: 'confirmed', by: 'ana' },
    ]);
    expect(commands.at(-1)).toMatchObject({ type: 'createTask', node: 'urgent-repair', visit: 2 });
    expect(state.visits).toEqual({ triage: 1, 'urgent-repair': 2, inspect: 1 });
    expect(state.path).toEqual(['triage', 'urgent-repair', 'inspect', 'urgent-repair']);
  });
});

describe('state', () => {
  it('is never mutated by step', () => {
    const before = apply(toInspect).state;
    const snapshot: EngineState = JSON.parse(JSON.stringify(before));
    step(def, before, {
      type: 'taskCompleted',
      taskId: 't1',
      outcome: 'confirmed',
      by: 'ana',
      values: { x: 1 },
    });
    expect(before).toEqual(snapshot);
  });
});
