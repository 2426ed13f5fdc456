/**
 * The one generic request workflow: it runs the pure core over the definition it was started with
 * (pinned version), turning commands into activities, timers into durable Temporal timers, and
 * waiting for staff (completeTask Update) and residents (residentReply Update).
 * Deterministic orchestration only: no clock, randomness or I/O here (see eslint.workflow-rules.js).
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { BusinessCalendar, ExtendedStatus, Sla, WorkflowDefinition } from '@civicdesk/schemas';
import {
  addBusinessTime,
  checkTaskCompletion,
  isTaskActionable,
  drive,
  durationMs,
  EngineError,
  instantMs,
  isoFromMs,
  openTasks,
  start,
  step,
} from '../core/index.js';
import type { CommandOf, EngineEvent, EngineState, PinnedRef, StepResult } from '../core/index.js';
import type { Facts } from '../rules/index.js';
import {
  completeTaskUpdate,
  residentReplyUpdate,
  runStateQuery,
  transferTaskUpdate,
  type CompleteTaskInput,
  type ResidentReplyInput,
  type TransferTaskInput,
} from './messages.js';
import { temporalEffects } from './workflows-effects.js';
import { workflowNow } from './workflows-time.js';

/** A timer armed by a wait node, carried into the next run when the run continues as new. */
export interface PendingTimer {
  timerId: number;
  /** Epoch ms, workflow time. */
  fireAt: number;
}

export interface RequestWorkflowInput {
  requestId: string;
  definition: WorkflowDefinition;
  ref: PinnedRef;
  /** Request facts for decision rules, as built by `buildFacts` at intake. */
  facts: Facts;
  /** Set only when the run continues as new: where the previous run left off. */
  state?: EngineState;
  /** Timers the previous run had armed and not yet seen fire (with `state`). */
  timers?: PendingTimer[];
  /** The jurisdiction's business calendar, for SLAs in business time (default Mon–Fri 09–17 UTC). */
  calendar?: BusinessCalendar;
  /** Set when this run reopens a closed request: it resumes at the definition's `reopen` node. */
  reopen?: { previousWorkflowId: string; reason: string | null; by: string };
  /** Continue as new once history has this many events (default: when Temporal suggests it). */
  continueAsNewAfter?: number;
  /** The HTTP request id of the intake call, so one id follows a report from the API log into the run. */
  traceId?: string;
}

export interface RequestWorkflowResult {
  status: ExtendedStatus;
  resolution: string | null;
  path: string[];
}

type Inbound =
  | { kind: 'task'; input: CompleteTaskInput }
  | { kind: 'reply'; input: ResidentReplyInput }
  | { kind: 'transfer'; input: TransferTaskInput };

interface Ticket {
  number: number;
  inbound: Inbound;
  error?: string;
  resumed?: boolean;
}

/** Runs one request through its pinned workflow definition until an end node closes it. */
export async function requestWorkflow(input: RequestWorkflowInput): Promise<RequestWorkflowResult> {
  const { definition } = input;
  const workflowId = workflowInfo().workflowId;
  const timers = new Map<number, number>();
  const fired: EngineEvent[] = [];
  const arm = (timerId: number, fireAt: number) => {
    timers.set(timerId, fireAt);
    void sleep(Math.max(1, fireAt - workflowNow())).then(() => {
      if (timers.delete(timerId)) fired.push({ type: 'timerFired', timerId, at: isoFromMs(workflowNow()) });
    });
  };
  const startTimer = (command: CommandOf<'startTimer'>) => {
    const at = command.until === null ? null : instantMs(command.until);
    arm(command.timerId, at ?? workflowNow() + durationMs(command.delay ?? 'PT0S'));
  };
  const calendar = input.calendar ?? { timezone: 'UTC' };
  const dueAt = (sla: Sla) =>
    isoFromMs(
      typeof sla === 'string'
        ? workflowNow() + durationMs(sla)
        : addBusinessTime(workflowNow(), sla, calendar),
    );
  const effects = temporalEffects({
    requestId: input.requestId,
    workflowId,
    facts: input.facts,
    calendar,
    startTimer,
    dueAt,
  });
  let state = input.state ?? start(definition, input.ref, input.facts);
  for (const timer of input.timers ?? []) arm(timer.timerId, timer.fireAt);
  const queue: Ticket[] = [];
  let issued = 0;
  let settled = 0;
  const waitingForReply = () => state.tokens.some((t) => t.wait.on === 'reply');

  setHandler(runStateQuery, () => ({
    ref: state.ref,
    path: state.path,
    status: state.status,
    closed: state.closed,
    resolution: state.resolution,
    openTasks: openTasks(definition, state),
    variables: state.variables,
    waitingForReply: waitingForReply(),
  }));
  const enqueue = async (inbound: Inbound) => {
    const ticket: Ticket = { number: ++issued, inbound };
    queue.push(ticket);
    await condition(() => settled >= ticket.number);
    return ticket;
  };
  setHandler(
    completeTaskUpdate,
    async (completion) => {
      const ticket = await enqueue({ kind: 'task', input: completion });
      if (ticket.error) throw ApplicationFailure.nonRetryable(ticket.error, 'TaskCompletionRejected');
      return { status: state.status, closed: state.closed, openTasks: openTasks(definition, state) };
    },
    {
      validator: (completion) => {
        const problem = checkTaskCompletion(definition, state, completion);
        if (problem) throw new Error(problem);
        if (queue.some((t) => t.inbound.kind === 'task' && t.inbound.input.taskId === completion.taskId)) {
          throw new Error(`Task ${completion.taskId} is already being completed`);
        }
      },
    },
  );
  setHandler(
    residentReplyUpdate,
    async (reply) => {
      const ticket = await enqueue({ kind: 'reply', input: reply });
      if (ticket.error) throw ApplicationFailure.nonRetryable(ticket.error, 'ReplyRejected');
      return { resumed: ticket.resumed ?? false, status: state.status, closed: state.closed };
    },
    {
      validator: (reply) => {
        if (state.closed)
          throw new Error(`The request is closed (${state.resolution ?? state.status}); reopen it to reply`);
        if (typeof reply?.text !== 'string' || reply.text.trim() === '')
          throw new Error('Write a reply: text is empty');
      },
    },
  );

  setHandler(
    transferTaskUpdate,
    async (transfer) => {
      const ticket = await enqueue({ kind: 'transfer', input: transfer });
      if (ticket.error) throw ApplicationFailure.nonRetryable(ticket.error, 'TaskTransferRejected');
      return { status: state.status, closed: state.closed, openTasks: openTasks(definition, state) };
    },
    {
      validator: (transfer) => {
        if (!isTaskActionable(definition, state, transfer))
          throw new Error(`Task ${transfer.taskId} is not open in this run`);
        if (queue.some((t) => t.inbound.kind !== 'reply' && t.inbound.input.taskId === transfer.taskId))
          throw new Error(`Task ${transfer.taskId} is already being completed or moved`);
      },
    },
  );

  // Temporal's workflow logger skips replayed code, so this line appears once per run, not per replay.
  if (!input.state)
    log.info('Request run started', { requestId: input.requestId, traceId: input.traceId ?? null });
  const advance = (result: StepResult) => drive(definition, result, effects, (next) => (state = next));
  const tooLong = () =>
    input.continueAsNewAfter !== undefined
      ? workflowInfo().historyLength >= input.continueAsNewAfter
      : workflowInfo().continueAsNewSuggested;
  try {
    state = await advance(
      input.state
        ? { state, commands: [] }
        : step(
            definition,
            state,
            input.reopen
              ? { type: 'reopened', reason: input.reopen.reason, by: input.reopen.by }
              : { type: 'started' },
          ),
    );
    while (!state.closed) {
      await condition(() => queue.length > 0 || fired.length > 0 || (tooLong() && allHandlersFinished()));
      const event = fired.shift();
      if (event) {
        state = await advance(step(definition, state, event));
        continue;
      }
      const ticket = queue.shift();
      if (!ticket) {
        const carried = [...timers].map(([timerId, fireAt]) => ({ timerId, fireAt }));
        return await continueAsNew<typeof requestWorkflow>({ ...input, state, timers: carried });
      }
      state = await apply(ticket);
      settled = ticket.number;
    }
  } catch (error) {
    if (error instanceof EngineError) throw ApplicationFailure.nonRetryable(error.message, 'EngineError');
    throw error;
  }
  for (const ticket of queue.splice(0)) ticket.error = 'The request closed before this was applied';
  settled = issued;
  await condition(allHandlersFinished);
  return { status: state.status, resolution: state.resolution, path: state.path };

  /** Applies a staff completion or a resident reply; a completion the core refuses is reported back. */
  async function apply(ticket: Ticket): Promise<EngineState> {
    const { inbound } = ticket;
    let result: StepResult | undefined;
    try {
      if (inbound.kind === 'task') {
        result = step(definition, state, { type: 'taskCompleted', ...inbound.input });
      } else if (inbound.kind === 'transfer') {
        const { role, node: _node, visit: _visit, ...transfer } = inbound.input;
        result = step(definition, state, { type: 'taskTransferred', ...transfer, role: role ?? null });
      } else {
        ticket.resumed = waitingForReply();
        const { text, media_url } = inbound.input;
        result = step(definition, state, { type: 'replyReceived', text, mediaUrl: media_url ?? null });
      }
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      ticket.error = error.message;
    }
    return result ? advance(result) : state;
  }
}
