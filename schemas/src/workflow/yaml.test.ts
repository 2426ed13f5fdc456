import { handWritten, prettierFormatted } from './__fixtures__/pothole-repair.js';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseWorkflowYaml, stringifyWorkflowYaml } from './yaml.js';

const example = handWritten;

const fourSpaces = `workflow: leaf-pickup
title: Leaf pickup
services:
- leaves
start: pick
nodes:
    pick:
        type: task
        title: "Pick up leaves"   # shown in the queue
        assign: {department: streets}
        outcomes:
            done: close
    close:
        type: end
        resolution: fixed`;

describe('stringifyWorkflowYaml after parseWorkflowYaml', () => {
  it.each([
    ['a commented file with aligned comments, flow maps and folded text', example],
    ['the same file with Windows line ends', example.replaceAll('\n', '\r\n')],
    ['the file as Prettier formats it', prettierFormatted],
    ['four-space indents, unindented lists, tight braces, no final newline', fourSpaces],
    ['canonical yaml-package style', parseDocument(example).toString()],
  ])('gives back %s byte for byte', (_, text) => {
    const { document, errors } = parseWorkflowYaml(text);
    expect(errors).toEqual([]);
    expect(stringifyWorkflowYaml(document)).toBe(text);
  });

  it('renders a document it did not parse in canonical style, without folding long lines', () => {
    const document = parseDocument(`title: ${'word '.repeat(30).trim()}\n`);
    expect(stringifyWorkflowYaml(document)).toBe(`title: ${'word '.repeat(30).trim()}\n`);
  });
});

describe('parseWorkflowYaml', () => {
  it('returns the typed definition with defaults filled in', () => {
    const { definition } = parseWorkflowYaml(example);
    expect(definition?.start).toBe('triage');
    expect(definition?.nodes.inspect).toMatchObject({ type: 'task', kind: 'work', sla: 'P3D' });
    expect(definition).not.toHaveProperty('owner');
  });

  it('reports YAML syntax errors with their line and column', () => {
    const { errors, definition } = parseWorkflowYaml('workflow: x\ntitle: X\nnodes: { a: 1\nstart: a\n');
    expect(definition).toBeUndefined();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ path: '', line: expect.any(Number) });
    expect(errors[0]?.message).toMatch(/line \d+, column \d+/);
  });

  it('reports a key written twice, at its second line', () => {
    const { errors } = parseWorkflowYaml('workflow: a-b\ntitle: A\ntitle: B\n');
    expect(errors).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/unique/i) })]);
  });

  it('explains shape errors against the node type written, with the line of the key', () => {
    const text = `workflow: pothole-repair
title: Pothole repair
start: inspect
nodes:
  inspect:
    type: task
    assign: { department: streets }
    sla: 3 days
    outcomes: { Done: close }
  notify:
    type: action
    action: email
    next: close
  close:
    type: finish
  Review:
    type: end
    resolution:
`;
    const { errors, definition } = parseWorkflowYaml(text);
    expect(definition).toBeUndefined();
    expect(errors).toEqual([
      { path: 'nodes.inspect.title', message: '"title" is missing; add it (text).', line: 5, column: 3 },
      {
        path: 'nodes.inspect.sla',
        message: 'Write a duration in ISO 8601 form, e.g. P3D (3 days) or PT4H (4 hours)',
        line: 8,
        column: 5,
      },
      {
        path: 'nodes.inspect.outcomes.Done',
        message: '"Done" cannot be used as a name here: Outcome names are lowercase_with_underscores.',
        line: 9,
        column: 17,
      },
      {
        path: 'nodes.notify.action',
        message:
          '"email" is not a known action; use set_status, note, notify, set_variable, transfer, link_duplicate or webhook.',
        line: 12,
        column: 5,
      },
      {
        path: 'nodes.close.type',
        message: 'Node \'close\' has type "finish"; use decision, task, action, end, wait, parallel or join.',
        line: 15,
        column: 5,
      },
      {
        path: 'nodes.Review',
        message:
          '"Review" cannot be used as a name here: Use lowercase letters, digits, "-" or "_", starting with a letter.',
        line: 16,
        column: 3,
      },
    ]);
  });

  it('explains a malformed condition by the group it was meant to be', () => {
    const text = `workflow: triage
title: Triage
start: t
nodes:
  t:
    type: decision
    rules:
      - when: { all: [ { fact: depth, value: 3 } ] }
        next: t
      - when: { some: [] }
        next: t
    default: t
`;
    const { errors } = parseWorkflowYaml(text);
    expect(errors.map(({ path, message }) => [path, message])).toEqual([
      ['nodes.t.rules[0].when.all[0].operator', '"operator" is missing; add it (text).'],
      [
        'nodes.t.rules[1].when',
        'Write a condition as { fact, operator, value }, or group conditions under all:, any: or not:.',
      ],
    ]);
  });

  it('says what a workflow file is when it is empty or a list', () => {
    for (const text of ['', '- a\n']) {
      expect(parseWorkflowYaml(text).errors).toEqual([
        expect.objectContaining({
          path: '',
          message: 'A workflow file is a map with workflow, title, start and nodes; this one is not.',
        }),
      ]);
    }
  });

  it('points a missing top-level key at the document', () => {
    const { errors } = parseWorkflowYaml('workflow: a-b\ntitle: A\nnodes: {}\n');
    expect(errors).toEqual([
      { path: 'start', message: '"start" is missing; add it (text).', line: 1, column: 1 },
    ]);
  });
});
