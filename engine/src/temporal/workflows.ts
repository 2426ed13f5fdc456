/**
 * The one generic request workflow: it runs the pure core over the definition it was started with
 * (pinned version), turning commands into activities and waiting for staff through the completeTask
 * Update. Deterministic orchestration only: no clock, randomness or I/O here (see eslint.workflow-rules.js).
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ExtendedStatus, WorkflowDefinition } from '@civicdesk/schemas';
import { checkTaskCompletion, drive, EngineError, openTasks, start, step } from '../core/index.js';
import type { EngineState, PinnedRef, StepResult } from '../core/index.js';
import type { Facts } from '../rules/index.js';
import { completeTaskUpdate, runStateQuery, type CompleteTaskInput } from './messages.js';
import { temporalEffects } from './workflows-effects.js';

export interface RequestWorkflowInput {
  requestId: string;
  definition: WorkflowDefinition;
  ref: PinnedRef;
  /** Request facts for decision rules, as built by `buildFacts` at intake. */
  facts: Facts;
  /** Set only when the run continues as new: where the previous run left off. */
  state?: EngineState;
}

export interface RequestWorkflowResult {
  status: ExtendedStatus;
  resolution: string | null;
  path: string[];
}

interface Ticket {
  number: number;
  input: CompleteTaskInput;
  error?: string;
}

/** Runs one request through its pinned workflow definition until an end node closes it. */
export async function requestWorkflow(input: RequestWorkflowInput): Promise<RequestWorkflowResult> {
  const { definition } = input;
  const workflowId = workflowInfo().workflowId;
  const effects = temporalEffects({ requestId: input.requestId, workflowId, facts: input.facts });
  let state = input.state ?? start(definition, input.ref);
  const queue: Ticket[] = [];
  let issued = 0;
  let settled = 0;

  setHandler(runStateQuery, () => ({
    ref: state.ref,
    path: state.path,
    status: state.status,
    closed: state.closed,
    resolution: state.resolution,
    openTasks: openTasks(definition, state),
    variables: state.variables,
  }));
  setHandler(
    completeTaskUpdate,
    async (completion) => {
      const ticket: Ticket = { number: ++issued, input: completion };
      queue.push(ticket);
      await condition(() => settled >= ticket.number);
      if (ticket.error) throw ApplicationFailure.nonRetryable(ticket.error, 'TaskCompletionRejected');
      return { status: state.status, closed: state.closed, openTasks: openTasks(definition, state) };
    },
    {
      validator: (completion) => {
        const problem = checkTaskCompletion(definition, state, completion);
        if (problem) throw new Error(problem);
        if (queue.some((t) => t.input.taskId === completion.taskId)) {
          throw new Error(`Task ${completion.taskId} is already being completed`);
        }
      },
    },
  );

  const advance = (result: StepResult) => drive(definition, result, effects, (next) => (state = next));
  try {
    state = await advance(
      input.state ? { state, commands: [] } : step(definition, state, { type: 'started' }),
    );
    while (!state.closed) {
      await condition(
        () => queue.length > 0 || (workflowInfo().continueAsNewSuggested && allHandlersFinished()),
      );
      const ticket = queue.shift();
      if (!ticket) return await continueAsNew<typeof requestWorkflow>({ ...input, state });
      let result: StepResult | undefined;
      try {
        result = step(definition, state, { type: 'taskCompleted', ...ticket.input });
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        ticket.error = error.message;
      }
      if (result) state = await advance(result);
      settled = ticket.number;
    }
  } catch (error) {
    if (error instanceof EngineError) throw ApplicationFailure.nonRetryable(error.message, 'EngineError');
    throw error;
  }
  for (const ticket of queue.splice(0))
    ticket.error = `The request closed before task ${ticket.input.taskId} was completed`;
  settled = issued;
  await condition(allHandlersFinished);
  return { status: state.status, resolution: state.resolution, path: state.path };
}
