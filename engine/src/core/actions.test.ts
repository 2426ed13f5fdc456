import { describe, expect, it } from 'vitest';
import { actionsRef, actionsWorkflow } from '../fixtures/actions-workflow.js';
import {
  checkTaskCompletion,
  openTasks,
  start,
  step,
  type EngineCommand,
  type EngineEvent,
  type StepResult,
} from './index.js';

const def = actionsWorkflow('http://hooks.test/');
const facts = { service_code: 'bulky-items', 'attributes.item': 'sofa' };

function apply(events: EngineEvent[], withFacts: Record<string, unknown> = facts): StepResult {
  let result: StepResult = { state: start(def, actionsRef, withFacts), commands: [] };
  for (const event of events) result = step(def, result.state, event);
  return result;
}
const only = (commands: EngineCommand[], type: EngineCommand['type']) =>
  commands.filter((c) => c.type === type);

const toBooking: EngineEvent[] = [
  { type: 'started' },
  { type: 'actionDone', node: 'greet' },
  { type: 'actionDone', node: 'label' },
];
const toCheck: EngineEvent[] = [
  ...toBooking,
  { type: 'actionDone', node: 'book', result: { ref: 'B-1' } },
  { type: 'actionDone', node: 'move' },
  { type: 'assignmentEvaluated', node: 'check', matchedRule: null },
  { type: 'taskCreated', node: 'check', taskId: 't1' },
];

describe('action kinds', () => {
  it('notify renders its data from facts and waits for the notification to be queued', () => {
    const { commands, state } = apply([{ type: 'started' }]);
    expect(only(commands, 'notify')).toEqual([
      expect.objectContaining({
        node: 'greet',
        template: 'request_received',
        channel: 'email',
        data: { item: 'sofa', service: 'bulky-items' },
      }),
    ]);
    expect(state.tokens[0]).toMatchObject({ node: 'greet', wait: { on: 'actionDone' } });
  });

  it('set_variable renders a template into a run variable', () => {
    const { state, commands } = apply([{ type: 'started' }, { type: 'actionDone', node: 'greet' }]);
    expect(state.variables).toEqual({ label: 'Pickup of sofa' });
    expect(commands.at(-1)).toMatchObject({
      type: 'setVariable',
      variable: 'label',
      value: 'Pickup of sofa',
    });
  });

  it('webhook sends rendered fields, keeps the answer with save_as and goes to next', () => {
    const booking = apply(toBooking);
    expect(booking.commands.at(-1)).toMatchObject({
      type: 'callWebhook',
      url: 'http://hooks.test/book',
      method: 'POST',
      body: { item: 'sofa', label: 'Pickup of sofa' },
      timeout: 'PT2S',
      retries: 1,
    });
    const { state, commands } = step(def, booking.state, {
      type: 'actionDone',
      node: 'book',
      result: { ref: 'B-1' },
    });
    expect(state.variables.booking).toEqual({ ref: 'B-1' });
    expect(commands.map((c) => c.type)).toEqual(['appendTimeline', 'transfer']);
    expect(commands[1]).toMatchObject({ department: 'sanitation', note: null });
  });

  it('a webhook that fails for good takes on_failure and says why on the timeline', () => {
    const { state, commands } = step(def, apply(toBooking).state, {
      type: 'actionFailed',
      node: 'book',
      reason: 'POST http://hooks.test/book answered HTTP 503',
    });
    expect(commands[0]).toMatchObject({
      type: 'appendTimeline',
      public: false,
      summary: 'book failed: POST http://hooks.test/book answered HTTP 503; next book-by-hand',
    });
    expect(commands[1]).toMatchObject({ type: 'createTask', node: 'book-by-hand', department: 'sanitation' });
    expect(state.path.at(-1)).toBe('book-by-hand');
  });

  it('actions that cannot fail refuse actionFailed', () => {
    expect(() =>
      step(def, apply([{ type: 'started' }]).state, { type: 'actionFailed', node: 'greet', reason: 'x' }),
    ).toThrow('Action "greet" (notify) cannot fail: x');
  });
});

describe('task kinds, forms and assignment rules', () => {
  it('picks the assignee by rule, and the node default when none matches', () => {
    const fridge = apply(toCheck.slice(0, -2), { ...facts, 'attributes.item': 'fridge' });
    expect(fridge.commands.at(-1)).toMatchObject({ type: 'evaluateAssignment', node: 'check' });
    const ruled = step(def, fridge.state, { type: 'assignmentEvaluated', node: 'check', matchedRule: 0 });
    expect(ruled.commands[0]).toMatchObject({ type: 'createTask', role: 'crew-lead', kind: 'answer' });
    const created = step(def, ruled.state, { type: 'taskCreated', node: 'check', taskId: 't9' });
    expect(openTasks(def, created.state)[0]).toMatchObject({ role: 'crew-lead', department: 'sanitation' });
    expect(created.commands[0]).toMatchObject({
      summary: 'Task "Confirm the pickup day" assigned to sanitation (crew-lead)',
    });
    expect(apply(toCheck).commands.at(-1)).toMatchObject({ data: { role: 'dispatcher' } });
  });

  it('checks form values by type and names each field', () => {
    const { state } = apply(toCheck);
    const check = (values: Record<string, unknown>) =>
      checkTaskCompletion(def, state, { taskId: 't1', outcome: 'scheduled', values });
    expect(check({ day: 'monday', items: 2 })).toBeNull();
    expect(check({})).toBe(
      'Task "Confirm the pickup day" (check): fill in "day" (Pickup day); fill in "items"',
    );
    expect(check({ day: 'sunday', items: 'two', needs_truck: 'yes', colour: 'red' })).toBe(
      'Task "Confirm the pickup day" (check): "day" (Pickup day) must be one of monday, thursday, not "sunday"; ' +
        '"items" must be a number, not "two"; "needs_truck" must be true or false, not "yes"; ' +
        'the form has no field "colour"; fields: day, items, needs_truck, original',
    );
    expect(() =>
      step(def, state, { type: 'taskCompleted', taskId: 't1', outcome: 'scheduled', by: 's', values: {} }),
    ).toThrow('fill in "day"');
  });

  it('an answer becomes public, and form values become variables that later decisions read', () => {
    const { state, commands } = step(def, apply(toCheck).state, {
      type: 'taskCompleted',
      taskId: 't1',
      outcome: 'scheduled',
      by: 'sol',
      note: 'We will collect it on Monday.',
      values: { day: 'monday', items: 1 },
    });
    expect(state.variables).toMatchObject({ day: 'monday', items: 1 });
    expect(commands.map((c) => c.type)).toEqual([
      'markTaskCompleted',
      'appendTimeline',
      'publishAnswer',
      'evaluateDecision',
    ]);
    expect(commands[2]).toMatchObject({ taskId: 't1', text: 'We will collect it on Monday.', by: 'sol' });
  });

  it('link_duplicate reads the original id from a variable, or takes on_failure without one', () => {
    const completed = (values: Record<string, unknown>) =>
      step(def, apply(toCheck).state, {
        type: 'taskCompleted',
        taskId: 't1',
        outcome: 'duplicate',
        by: 'sol',
        values: { day: 'monday', items: 1, ...values },
      });
    expect(completed({ original: '41' }).commands.at(-1)).toMatchObject({
      type: 'linkDuplicate',
      node: 'link',
      duplicateOf: '41',
    });
    const missing = completed({});
    expect(missing.commands.slice(-2)).toMatchObject([
      { type: 'appendTimeline', summary: 'link failed: variables.original holds no request id; next done' },
      { type: 'close', resolution: 'scheduled' },
    ]);
    const refused = step(def, completed({ original: '41' }).state, {
      type: 'actionFailed',
      node: 'link',
      reason: 'request 41 does not exist',
    });
    expect(refused.state.path.slice(-2)).toEqual(['link', 'done']);
  });
});
