import { describe, expect, it } from 'vitest';
import { workflowDefinition } from './dsl.js';
import { validateWorkflow } from './validate.js';

const workflow = (nodes: Record<string, unknown>) =>
  workflowDefinition.parse({ workflow: 'tree-work', title: 'Tree work', start: 'ask', nodes });
const done = { type: 'end', resolution: 'done' };

describe('waits, forks and joins in the validator', () => {
  it('accepts a reply wait with a timeout, a timer, a fork and its join', () => {
    const definition = workflow({
      ask: { type: 'wait', for: 'resident_reply', timeout: 'P7D', on_timeout: 'done', next: 'rest' },
      rest: { type: 'wait', until: 'variables.visit_on', next: 'split' },
      split: { type: 'parallel', branches: ['a', 'b'] },
      a: { type: 'task', title: 'A', assign: { department: 'parks' }, outcomes: { ok: 'meet' } },
      b: { type: 'task', title: 'B', assign: { department: 'parks' }, outcomes: { ok: 'meet' } },
      meet: { type: 'join', next: 'done' },
      done,
    });
    expect(validateWorkflow(definition)).toEqual([]);
    expect(definition.nodes.meet).toMatchObject({ mode: 'all' });
  });

  it('names the node in every problem', () => {
    const definition = workflow({
      ask: { type: 'wait', next: 'both' },
      both: { type: 'wait', duration: 'P1D', for: 'resident_reply', next: 'late' },
      late: { type: 'wait', duration: 'P1D', timeout: 'P2D', on_timeout: 'done', next: 'half' },
      half: { type: 'wait', for: 'resident_reply', timeout: 'P2D', next: 'split' },
      split: { type: 'parallel', branches: ['meet', 'nowhere'] },
      meet: { type: 'join', next: 'done' },
      lonely: { type: 'join', next: 'done' },
      done,
    });
    expect(validateWorkflow(definition).map((p) => [p.code, p.node, p.message])).toEqual([
      [
        'wait_kind',
        'ask',
        "Wait 'ask' does not say what it waits for. Add duration: (e.g. P2D), until: (a date or variables.<name>) or for: resident_reply.",
      ],
      [
        'wait_kind',
        'both',
        "Wait 'both' waits for more than one thing. Keep one of duration:, until: and for:.",
      ],
      [
        'wait_timeout',
        'late',
        "Wait 'late' has a timeout, which only a wait for: resident_reply uses. Remove timeout and on_timeout.",
      ],
      [
        'wait_timeout',
        'half',
        "Wait 'half' has a timeout but no on_timeout. Say which step follows when the resident does not answer.",
      ],
      [
        'unknown_target',
        'split',
        "Parallel step 'split' branch 2 leads to 'nowhere', which does not exist. Pick an existing node ('ask', 'both', 'late', 'half', 'split', 'meet', 'lonely' or 'done') or add one.",
      ],
      [
        'join_without_parallel',
        'lonely',
        "Join 'lonely' is not after any parallel step, so it has no branches to join. Add a parallel step before it, or use an action instead.",
      ],
      [
        'unreachable',
        'lonely',
        "Join 'lonely' cannot be reached from the start 'ask'. Connect a step to it or delete it.",
      ],
    ]);
  });

  it('checks the reopen node and the SLA forms', () => {
    const definition = workflowDefinition.parse({
      workflow: 'tree-work',
      title: 'Tree work',
      start: 'cut',
      reopen: 'recut',
      nodes: {
        cut: {
          type: 'task',
          title: 'Cut',
          assign: { department: 'parks' },
          sla: { business_days: 3 },
          escalate: [{ notify: { template: 'task_overdue' }, every: 'P1D' }],
          outcomes: { ok: 'done' },
        },
        done,
      },
    });
    expect(definition.nodes.cut).toMatchObject({ escalate: [{ after: 'PT0S' }] });
    expect(validateWorkflow(definition)).toEqual([
      {
        field: 'reopen',
        code: 'unknown_target',
        message: "Reopened requests resume at 'recut', which does not exist. Set reopen to 'cut' or 'done'.",
      },
    ]);
    const slas = ['P3D', { business_hours: 8 }, { business_days: 2 }, { business_weeks: 1 }, '3 days'];
    const parsed = slas.map(
      (sla) =>
        workflowDefinition.safeParse({
          workflow: 'tree-work',
          title: 'Tree work',
          start: 'done',
          nodes: {
            t: { type: 'task', title: 'T', assign: { department: 'parks' }, sla, outcomes: {} },
            done,
          },
        }).success,
    );
    expect(parsed).toEqual([true, true, true, false, false]);
  });
});
