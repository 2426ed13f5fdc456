/**
 * Predicts a run: the same core, the same rules module, scripted task outcomes instead of staff.
 * The Temporal engine takes the same path for the same facts and outcomes.
 */
import type { ExtendedStatus, WorkflowDefinition } from '@civicdesk/schemas';
import {
  drive,
  EngineError,
  openTasks,
  start,
  step,
  type Effects,
  type EngineState,
  type PinnedRef,
} from '../core/index.js';
import { evaluateRules, withVariables, type Facts } from '../rules/index.js';

/** Outcome per task node; a list gives the outcome for each visit in turn (loops). */
export type ScriptedOutcomes = Record<string, string | readonly string[]>;

export interface SimulationResult {
  path: string[];
  status: ExtendedStatus;
  closed: boolean;
  /** Task nodes left open because the script had no outcome for them. */
  waitingAt: string[];
  variables: Record<string, unknown>;
}

export interface SimulateOptions {
  ref?: PinnedRef;
  by?: string;
  /** Guard against graphs that loop without end; each completed task counts one. */
  maxTasks?: number;
  /** Webhook nodes that fail (take on_failure); others succeed with `webhookResults[node]`. */
  failingWebhooks?: readonly string[];
  webhookResults?: Record<string, unknown>;
}

const simulatedEffects: (facts: Facts, options: SimulateOptions) => Effects =
  (facts, options) => async (command, state) => {
    switch (command.type) {
      case 'evaluateDecision': {
        const result = await evaluateRules(
          command.rules,
          command.default,
          withVariables(facts, state.variables),
        );
        return { type: 'decisionEvaluated', node: command.node, ...result };
      }
      case 'evaluateAssignment': {
        const rules = command.rules.map(({ when }) => ({ when, next: command.node }));
        const { matchedRule } = await evaluateRules(rules, null, withVariables(facts, state.variables));
        return { type: 'assignmentEvaluated', node: command.node, matchedRule };
      }
      case 'callWebhook':
        return options.failingWebhooks?.includes(command.node)
          ? { type: 'actionFailed', node: command.node, reason: 'simulated failure' }
          : { type: 'actionDone', node: command.node, result: options.webhookResults?.[command.node] };
      case 'createTask':
        return { type: 'taskCreated', node: command.node, taskId: `sim-${command.node}-${command.visit}` };
      case 'setStatus':
      case 'addNote':
      case 'notify':
      case 'setVariable':
      case 'transfer':
      case 'linkDuplicate':
      case 'close':
        return { type: 'actionDone', node: command.node };
      default:
        return null;
    }
  };

const scripted = (outcomes: ScriptedOutcomes, node: string, visit: number): string | undefined => {
  const script = Object.hasOwn(outcomes, node) ? outcomes[node] : undefined;
  return typeof script === 'string' ? script : script?.[visit - 1];
};

/** Runs the definition against request facts and scripted outcomes; returns the node path taken. */
export async function simulatePath(
  definition: WorkflowDefinition,
  facts: Facts,
  outcomesByNode: ScriptedOutcomes,
  options: SimulateOptions = {},
): Promise<SimulationResult> {
  const ref = options.ref ?? { workflow: definition.workflow, version: 0, hash: 'simulation' };
  const effects = simulatedEffects(facts, options);
  let state: EngineState = await drive(
    definition,
    step(definition, start(definition, ref, facts), { type: 'started' }),
    effects,
  );
  for (let done = 0; !state.closed; done += 1) {
    const task = openTasks(definition, state).find(
      (t) => scripted(outcomesByNode, t.node, t.visit) !== undefined,
    );
    if (!task) break;
    if (done >= (options.maxTasks ?? 1000))
      throw new EngineError(`Simulation stopped after ${done} tasks; does the workflow loop forever?`);
    const outcome = scripted(outcomesByNode, task.node, task.visit) as string;
    const event = {
      type: 'taskCompleted',
      taskId: task.taskId,
      outcome,
      by: options.by ?? 'simulation',
    } as const;
    state = await drive(definition, step(definition, state, event), effects);
  }
  const waitingAt = openTasks(definition, state).map((t) => t.node);
  return {
    path: state.path,
    status: state.status,
    closed: state.closed,
    waitingAt,
    variables: state.variables,
  };
}
