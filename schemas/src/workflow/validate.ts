/**
 * Graph checks on a workflow that already has the right shape (see dsl.ts): wiring, paths and
 * assignees. Reports every problem at once, each tied to its node, so the designer can mark them all
 * and publishing can refuse with the full list.
 */
import type { WorkflowDefinition } from './dsl.js';
import { hasNode } from './graph.js';
import { nameList, type Problem, type WorkflowContext } from './problem.js';
import { actionProblems } from './validate-actions.js';
import { assigneeProblems } from './validate-assignees.js';
import { joinProblems, waitProblems } from './validate-flow.js';
import { pathProblems } from './validate-paths.js';
import { wiringProblems } from './validate-wiring.js';

export type { Problem, ProblemCode, WorkflowContext } from './problem.js';

/** Every problem in a workflow: start first, then node by node, then whole-graph problems. */
export function validateWorkflow(definition: WorkflowDefinition, context: WorkflowContext = {}): Problem[] {
  const problems: Problem[] = [];
  const ids = Object.keys(definition.nodes);
  if (!hasNode(definition, definition.start)) {
    problems.push({
      field: 'start',
      code: 'start_missing',
      message:
        ids.length === 0
          ? 'The workflow has no steps yet. Add a first step and set start to it.'
          : definition.start
            ? `The workflow starts at '${definition.start}', which does not exist. Set start to ${nameList(ids)}.`
            : `The workflow has no start. Set start to ${nameList(ids)}.`,
    });
  }
  if (definition.reopen !== undefined && !hasNode(definition, definition.reopen)) {
    problems.push({
      field: 'reopen',
      code: 'unknown_target',
      message: `Reopened requests resume at '${definition.reopen}', which does not exist. Set reopen to ${nameList(ids)}.`,
    });
  }
  for (const [id, node] of Object.entries(definition.nodes)) {
    problems.push(...wiringProblems(definition, id, node));
    if (node.type === 'task' && context.departments)
      problems.push(...assigneeProblems(id, node, context.departments));
    if (node.type === 'action') problems.push(...actionProblems(id, node, context));
    if (node.type === 'wait') problems.push(...waitProblems(id, node));
    if (node.type === 'join') problems.push(...joinProblems(definition, id, node));
  }
  return [...problems, ...pathProblems(definition)];
}

/** Thrown by `assertPublishable`; carries the full list so the API can answer with all of it. */
export class WorkflowProblemsError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The workflow cannot be published: ${problems.map((problem) => problem.message).join(' ')}`);
    this.name = 'WorkflowProblemsError';
  }
}

/** Refuses to publish a workflow with any problem; the engine may then trust every wire. */
export function assertPublishable(definition: WorkflowDefinition, context: WorkflowContext = {}): void {
  const problems = validateWorkflow(definition, context);
  if (problems.length > 0) throw new WorkflowProblemsError(problems);
}
