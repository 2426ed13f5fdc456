import { describe, expect, it } from 'vitest';
import { handWritten } from './__fixtures__/pothole-repair.js';
import { workflowDefinition, type WorkflowDefinition } from './dsl.js';
import { assertPublishable, validateWorkflow, WorkflowProblemsError, type Problem } from './validate.js';
import { parseWorkflowYaml } from './yaml.js';

const departments = [{ code: 'streets', roles: ['inspector', 'crew', 'supervisor'] }, { code: 'water' }];

/** A small valid workflow; each test breaks one thing. */
function workflow(nodes: Record<string, unknown>, start = 'triage'): WorkflowDefinition {
  return workflowDefinition.parse({ workflow: 'pothole-repair', title: 'Pothole repair', start, nodes });
}

const good = {
  triage: {
    type: 'decision',
    rules: [
      {
        name: 'deep',
        when: { all: [{ fact: 'attributes.depth_cm', operator: 'greaterThan', value: 10 }] },
        next: 'repair',
      },
    ],
    default: 'inspect',
  },
  inspect: {
    type: 'task',
    title: 'Inspect',
    assign: { department: 'streets', role: 'inspector' },
    outcomes: { confirmed: 'repair', not_found: 'close' },
  },
  repair: {
    type: 'task',
    title: 'Repair',
    assign: { department: 'streets', role: 'crew' },
    outcomes: { repaired: 'close' },
  },
  close: { type: 'end', resolution: 'fixed' },
};

const codes = (problems: Problem[]) => problems.map((problem) => [problem.code, problem.node, problem.field]);

describe('validateWorkflow', () => {
  it('finds nothing wrong with a sound workflow, nor with the example file', () => {
    expect(validateWorkflow(workflow(good), { departments })).toEqual([]);
    expect(validateWorkflow(parseWorkflowYaml(handWritten).definition!, { departments })).toEqual([]);
  });

  it('reports a start that names no node, and does not pile reachability problems on top', () => {
    const problems = validateWorkflow(workflow(good, 'begin'));
    expect(problems).toEqual([
      {
        field: 'start',
        code: 'start_missing',
        message:
          "The workflow starts at 'begin', which does not exist. Set start to 'triage', 'inspect', 'repair' or 'close'.",
      },
    ]);
    expect(validateWorkflow({ ...workflow(good), nodes: {} })[0]?.message).toBe(
      'The workflow has no steps yet. Add a first step and set start to it.',
    );
  });

  it('reports every wire to a node that does not exist: outcome, rule, default and next', () => {
    const problems = validateWorkflow(
      workflow({
        ...good,
        triage: {
          ...good.triage,
          rules: [{ ...good.triage.rules[0], next: 'urgent' }],
          default: 'inspection',
        },
        inspect: { ...good.inspect, outcomes: { confirmed: 'schedule', not_found: 'close' } },
        note: { type: 'action', action: 'note', note: 'Crew told', next: 'nowhere' },
      }),
    );
    expect(problems.filter((problem) => problem.code === 'unknown_target')).toEqual([
      {
        node: 'triage',
        field: 'rules[0].next',
        code: 'unknown_target',
        message:
          "Decision 'triage' rule 1 ('deep') leads to 'urgent', which does not exist. Pick an existing node ('triage', 'inspect', 'repair', 'close' or 'note') or add one.",
      },
      expect.objectContaining({ node: 'triage', field: 'default' }),
      {
        node: 'inspect',
        field: 'outcomes.confirmed',
        code: 'unknown_target',
        message:
          "Task 'inspect' outcome 'confirmed' leads to 'schedule', which does not exist. Pick an existing node ('triage', 'inspect', 'repair', 'close' or 'note') or add one.",
      },
      expect.objectContaining({
        node: 'note',
        field: 'next',
        message: expect.stringMatching(/^Action 'note' leads to 'nowhere'/),
      }),
    ]);
  });

  it('reports a wire left empty (as the designer holds a half-drawn edge)', () => {
    const definition = workflow(good);
    (definition.nodes.inspect as { outcomes: Record<string, string> }).outcomes.confirmed = '';
    expect(validateWorkflow(definition)).toEqual([
      {
        node: 'inspect',
        field: 'outcomes.confirmed',
        code: 'unwired',
        message: "Task 'inspect' outcome 'confirmed' does not lead anywhere. Connect it to the next step.",
      },
    ]);
  });

  it('reports a decision without default and repeated rule names', () => {
    const rule = good.triage.rules[0];
    const problems = validateWorkflow(
      workflow({ ...good, triage: { type: 'decision', rules: [rule, rule] } }),
    );
    expect(codes(problems)).toEqual([
      ['decision_without_default', 'triage', 'default'],
      ['duplicate_rule_name', 'triage', 'rules[1].name'],
      ['unreachable', 'inspect', undefined],
    ]);
    expect(problems[0]?.message).toBe(
      "Decision 'triage' has no default. Add one for requests that match no rule, or they will stop here.",
    );
  });

  it('reports a task without outcomes', () => {
    const problems = validateWorkflow(workflow({ ...good, repair: { ...good.repair, outcomes: {} } }));
    expect(problems).toEqual([
      {
        node: 'repair',
        field: 'outcomes',
        code: 'task_without_outcomes',
        message:
          "Task 'repair' has no outcomes, so staff cannot finish it. Add at least one, e.g. done, and connect it to the next step.",
      },
    ]);
  });

  it('reports each node that cannot be reached from the start', () => {
    const orphan = { type: 'end', resolution: 'duplicate' };
    expect(validateWorkflow(workflow({ ...good, orphan }))).toEqual([
      {
        node: 'orphan',
        code: 'unreachable',
        message:
          "End step 'orphan' cannot be reached from the start 'triage'. Connect a step to it or delete it.",
      },
    ]);
  });

  it('reports a workflow with no end step at all', () => {
    const loop = {
      triage: { type: 'decision', rules: [], default: 'inspect' },
      inspect: { ...good.inspect, outcomes: { again: 'inspect' } },
    };
    expect(codes(validateWorkflow(workflow(loop)))).toEqual([['no_end', undefined, undefined]]);
  });

  it('reports when the ends that exist cannot be reached from the start', () => {
    const problems = validateWorkflow(
      workflow({
        ...good,
        triage: { type: 'decision', rules: [], default: 'inspect' },
        inspect: { ...good.inspect, outcomes: { again: 'inspect' } },
      }),
    );
    expect(codes(problems)).toEqual([
      ['unreachable', 'repair', undefined],
      ['unreachable', 'close', undefined],
      ['no_end', 'triage', undefined],
    ]);
    expect(problems[2]?.message).toBe(
      "No end step can be reached from the start 'triage', so requests would never close. Connect a step on the way to an end step.",
    );
  });

  it('reports every node of a loop that has no way out to an end', () => {
    const problems = validateWorkflow(
      workflow({
        ...good,
        inspect: { ...good.inspect, outcomes: { confirmed: 'repair', not_found: 'close', unsure: 'review' } },
        review: { ...good.inspect, title: 'Review', outcomes: { again: 'recheck' } },
        recheck: { ...good.inspect, title: 'Recheck', outcomes: { again: 'review' } },
      }),
    );
    expect(codes(problems)).toEqual([
      ['dead_end', 'review', undefined],
      ['dead_end', 'recheck', undefined],
    ]);
    expect(problems[0]?.message).toBe(
      "From Task 'review' no end step can be reached: requests that get here go round for ever. Give the loop a way out to an end step.",
    );
  });

  it('reports a loop of automatic steps, which would spin without anyone acting', () => {
    const problems = validateWorkflow(
      workflow({
        ...good,
        triage: { ...good.triage, default: 'mark' },
        mark: { type: 'action', action: 'set_status', status: 'investigating', next: 'triage' },
      }),
    );
    expect(codes(problems)).toEqual([
      ['unreachable', 'inspect', undefined],
      ['automatic_loop', 'triage', undefined],
    ]);
    expect(problems[1]?.message).toBe(
      "Steps 'triage' or 'mark' form a loop with no task in it, so a request would circle for ever without anyone acting. Put a task in the loop or send one branch elsewhere.",
    );
  });

  it('reports an action that leads to itself as an automatic loop', () => {
    const spin = { type: 'action', action: 'note', note: 'Still here', next: 'spin' };
    const problems = validateWorkflow(
      workflow({ ...good, triage: { ...good.triage, default: 'spin' }, spin }),
    );
    expect(codes(problems)).toContainEqual(['automatic_loop', 'spin', undefined]);
  });

  it('reports unknown departments and roles, for the assignee and the escalation', () => {
    const problems = validateWorkflow(
      workflow({
        ...good,
        inspect: {
          ...good.inspect,
          assign: { department: 'street', role: 'inspector' },
          escalate: [{ after: 'P3D', reassign_to: { department: 'streets', role: 'chief' } }],
        },
        repair: { ...good.repair, assign: { department: 'water', role: 'plumber' } },
      }),
      { departments },
    );
    expect(problems).toEqual([
      {
        node: 'inspect',
        field: 'assign.department',
        code: 'unknown_department',
        message:
          "Task 'inspect' is assigned to department 'street', which does not exist. Use 'streets' or 'water'.",
      },
      {
        node: 'inspect',
        field: 'escalate[0].reassign_to.role',
        code: 'unknown_role',
        message:
          "Task 'inspect' escalates to role 'chief', which department 'streets' does not have. Use 'inspector', 'crew' or 'supervisor', or ask an admin to add the role.",
      },
    ]);
    expect(validateWorkflow(workflow(good))).toEqual([]);
  });

  it('reports every problem at once, each tied to its node', () => {
    const problems = validateWorkflow(
      workflow({
        triage: { type: 'decision', rules: [{ when: { all: [] }, next: 'gone' }] },
        inspect: { ...good.inspect, assign: { department: 'parks' }, outcomes: {} },
      }),
      { departments },
    );
    expect(codes(problems)).toEqual([
      ['unknown_target', 'triage', 'rules[0].next'],
      ['decision_without_default', 'triage', 'default'],
      ['task_without_outcomes', 'inspect', 'outcomes'],
      ['unknown_department', 'inspect', 'assign.department'],
      ['unreachable', 'inspect', undefined],
      ['no_end', undefined, undefined],
    ]);
  });
});

describe('assertPublishable', () => {
  it('passes a sound workflow and throws every problem otherwise', () => {
    expect(() => assertPublishable(workflow(good), { departments })).not.toThrow();
    const broken = workflow({ ...good, triage: { ...good.triage, default: undefined } });
    const caught = (() => {
      try {
        assertPublishable(broken);
      } catch (error) {
        return error;
      }
    })();
    expect(caught).toBeInstanceOf(WorkflowProblemsError);
    expect((caught as WorkflowProblemsError).problems.map((problem) => problem.code)).toEqual([
      'decision_without_default',
      'unreachable',
    ]);
  });
});
