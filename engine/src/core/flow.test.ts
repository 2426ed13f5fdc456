import { describe, expect, it } from 'vitest';
import { flowRef, flowWorkflow } from '../fixtures/flow-workflow.js';
import { instantMs } from './instant.js';
import { openTasks, start, step, type EngineEvent, type StepResult } from './index.js';

function apply(events: EngineEvent[], mode: 'all' | 'first' = 'all'): StepResult {
  const def = flowWorkflow(mode);
  let result: StepResult = { state: start(def, flowRef), commands: [] };
  for (const event of events) result = step(def, result.state, event);
  return result;
}

const toSplit: EngineEvent[] = [
  { type: 'started' },
  { type: 'replyReceived', text: 'It is the oak by the gate.' },
];

describe('wait nodes', () => {
  it('waits for the reply with a timeout timer, and records the reply publicly', () => {
    const started = apply([{ type: 'started' }]);
    const timer = started.commands.find((c) => c.type === 'startTimer');
    expect(timer).toMatchObject({ node: 'ask', delay: 'P7D', until: null, timerId: timer?.seq });
    expect(started.state.tokens[0]?.wait).toEqual({ on: 'reply', timerId: timer?.seq });
    const { state, commands } = step(flowWorkflow(), started.state, toSplit[1]!);
    expect(state.variables).toEqual({
      resident_reply: 'It is the oak by the gate.',
      resident_reply_media: null,
    });
    expect(commands[0]).toMatchObject({ type: 'appendTimeline', public: true, actor: { type: 'resident' } });
    expect(commands[1]).toMatchObject({ type: 'startTimer', node: 'cool-off', delay: 'PT1S' });
    // The reply's timeout fires later: it is stale and changes nothing.
    expect(step(flowWorkflow(), state, { type: 'timerFired', timerId: timer!.timerId }).commands).toEqual([]);
  });

  it('takes on_timeout when no reply comes', () => {
    const started = apply([{ type: 'started' }]);
    const timer = started.commands.find((c) => c.type === 'startTimer');
    const { state } = step(flowWorkflow(), started.state, { type: 'timerFired', timerId: timer!.seq });
    expect(state.path).toEqual(['ask', 'no-answer']);
  });

  it('a reply nobody waits for is only recorded', () => {
    const { state } = apply([...toSplit]);
    const again = step(flowWorkflow(), state, { type: 'replyReceived', text: 'Any news?' });
    expect(again.state.path).toEqual(state.path);
    expect(again.commands).toMatchObject([{ type: 'appendTimeline', summary: 'Any news?', public: true }]);
  });

  it('parses ISO instants without a clock', () => {
    expect(instantMs('2026-12-04T09:30:00Z')).toBe(1796376600000);
    expect(instantMs('2026-12-04T10:30:00+01:00')).toBe(1796376600000);
    expect(instantMs('2026-12-04')).toBe(1796342400000);
    expect(instantMs('next tuesday')).toBeNull();
  });
});

describe('parallel and join', () => {
  const forked = () => {
    const waited = apply(toSplit);
    const timer = waited.commands.find((c) => c.type === 'startTimer')!;
    return step(flowWorkflow(), waited.state, { type: 'timerFired', timerId: timer.seq });
  };

  it('forks one token per branch', () => {
    const { state, commands } = forked();
    expect(commands.filter((c) => c.type === 'createTask').map((c) => c.node)).toEqual(['cut', 'permit']);
    expect(state.tokens.map((t) => [t.node, t.forks])).toEqual([
      ['cut', ['split:1']],
      ['permit', ['split:1']],
    ]);
  });

  it('join all waits for every branch, then goes on with one token', () => {
    let { state } = forked();
    const def = flowWorkflow();
    state = step(def, state, { type: 'taskCreated', node: 'cut', taskId: 'c' }).state;
    state = step(def, state, { type: 'taskCreated', node: 'permit', taskId: 'p' }).state;
    state = step(def, state, { type: 'taskCompleted', taskId: 'c', outcome: 'done', by: 'crew' }).state;
    expect(state.tokens.map((t) => [t.node, t.wait.on])).toEqual([
      ['permit', 'taskCompleted'],
      ['meet', 'join'],
    ]);
    const last = step(def, state, { type: 'taskCompleted', taskId: 'p', outcome: 'approved', by: 'boss' });
    expect(last.state.tokens).toEqual([expect.objectContaining({ node: 'done' })]);
    expect(last.state.tokens[0]?.forks).toBeUndefined();
    expect(last.commands.at(-1)).toMatchObject({ type: 'close', resolution: 'done' });
  });

  it('join first cancels the other branch, including a task row that lands late', () => {
    const def = flowWorkflow('first');
    const waited = apply(toSplit, 'first');
    const timer = waited.commands.find((c) => c.type === 'startTimer')!;
    let { state } = step(def, waited.state, { type: 'timerFired', timerId: timer.seq });
    state = step(def, state, { type: 'taskCreated', node: 'cut', taskId: 'c' }).state;
    const first = step(def, state, { type: 'taskCompleted', taskId: 'c', outcome: 'done', by: 'crew' });
    expect(first.state.dropped).toEqual({ permit: 1 });
    expect(first.state.path.slice(-2)).toEqual(['meet', 'done']);
    const late = step(def, first.state, { type: 'taskCreated', node: 'permit', taskId: 'p' });
    expect(late.commands).toMatchObject([{ type: 'cancelTask', taskId: 'p', node: 'permit' }]);
    expect(late.state.dropped).toEqual({});
    expect(openTasks(def, late.state)).toEqual([]);
  });
});
