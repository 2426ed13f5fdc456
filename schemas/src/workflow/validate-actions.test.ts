import { describe, expect, it } from 'vitest';
import { workflowDefinition } from './dsl.js';
import { validateWorkflow } from './validate.js';
import { parseWorkflowYaml } from './yaml.js';

const departments = [{ code: 'streets', roles: ['crew'] }, { code: 'parks' }];
const workflow = (nodes: Record<string, unknown>) =>
  workflowDefinition.parse({ workflow: 'bulky-items', title: 'Bulky items', start: 'first', nodes });
const done = { type: 'end', resolution: 'done' };

describe('action kinds in the validator', () => {
  it('accepts every action kind wired to existing nodes', () => {
    const definition = workflow({
      first: { type: 'action', action: 'notify', template: 'request_received', next: 'label' },
      label: { type: 'action', action: 'set_variable', variable: 'label', value: 3, next: 'hook' },
      hook: {
        type: 'action',
        action: 'webhook',
        url: 'https://example.org/x',
        on_failure: 'done',
        next: 'move',
      },
      move: { type: 'action', action: 'transfer', department: 'parks', next: 'link' },
      link: { type: 'action', action: 'link_duplicate', of: 'variables.original', next: 'done' },
      done,
    });
    expect(validateWorkflow(definition, { departments })).toEqual([]);
    expect(definition.nodes.hook).toMatchObject({ method: 'POST', timeout: 'PT10S', retries: 3 });
  });

  it('names the node in every problem of the new kinds', () => {
    const definition = workflow({
      first: { type: 'action', action: 'set_variable', variable: 'label', next: 'both' },
      both: {
        type: 'action',
        action: 'set_variable',
        variable: 'label',
        value: 1,
        template: 'x',
        next: 'hook',
      },
      hook: {
        type: 'action',
        action: 'webhook',
        url: 'https://example.org/x',
        on_failure: 'nowhere',
        next: 'move',
      },
      move: { type: 'action', action: 'transfer', department: 'water', next: 'done' },
      done,
    });
    expect(validateWorkflow(definition, { departments })).toEqual([
      {
        node: 'first',
        field: 'value',
        code: 'variable_value',
        message:
          "Action 'first' sets 'label' but gives no value. Add value: (a fixed value) or template: (text built from facts).",
      },
      {
        node: 'both',
        field: 'template',
        code: 'variable_value',
        message: "Action 'both' sets 'label' from both value and template. Keep one of them.",
      },
      {
        node: 'hook',
        field: 'on_failure',
        code: 'unknown_target',
        message:
          "Action 'hook' on_failure leads to 'nowhere', which does not exist. Pick an existing node ('first', 'both', 'hook', 'move' or 'done') or add one.",
      },
      {
        node: 'move',
        field: 'department',
        code: 'unknown_department',
        message:
          "Action 'move' transfers the request to department 'water', which does not exist. Use 'streets' or 'parks'.",
      },
    ]);
  });

  it('explains shape errors of webhooks and forms at their path', () => {
    const { errors } = parseWorkflowYaml(
      [
        'workflow: bulky-items',
        'title: Bulky items',
        'start: hook',
        'nodes:',
        '  hook: { type: action, action: webhook, url: "ftp://x", next: done }',
        '  ask:',
        '    type: task',
        '    title: Ask',
        '    assign: { department: parks }',
        '    form: [{ type: select, name: day, options: [] }]',
        '    outcomes: { ok: done }',
        '  done: { type: end, resolution: done }',
        '',
      ].join('\n'),
    );
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['nodes.hook.url', 'Write the full address, e.g. https://example.org/hook'],
      ['nodes.hook.on_failure', '"on_failure" is missing; add it (text).'],
      ['nodes.ask.form[0].options', 'List the choices staff can pick, e.g. [small, large]'],
    ]);
  });
});
