/** Starting runs and completing tasks from the API side. */
import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { BusinessCalendar, WorkflowDefinition } from '@civicdesk/schemas';
import type { PinnedRef } from '../core/index.js';
import type { Facts } from '../rules/index.js';
import { reopenedWorkflowIdFor, workflowIdFor } from './keys.js';
import { latestWorkflowId, reopenCount } from './latest-run.js';
import { executeRunUpdate, RunRefusalError, taskRunEnded } from './run-update.js';
import {
  completeTaskUpdate,
  residentReplyUpdate,
  runStateQuery,
  type ResidentReplyInput,
  type ResidentReplyResult,
  type CompleteTaskInput,
  type CompleteTaskResult,
  type RunState,
} from './messages.js';
import {
  requestIdAttribute,
  serviceAttribute,
  statusAttribute,
  versionAttribute,
  workflowAttribute,
} from './search-attributes.js';
import type { requestWorkflow } from './workflows.js';

export interface StartRequestWorkflowInput {
  requestId: string;
  definition: WorkflowDefinition;
  ref: PinnedRef;
  facts: Facts;
  taskQueue: string;
  /** The HTTP request id of the intake call; kept in the run's memo (`trace_id`) and input. */
  traceId?: string;
  /** Open311 service code; defaults to `facts.service_code`. */
  service?: string;
  /** The jurisdiction's business calendar (`businessCalendarOf(jurisdiction)`), for business-time SLAs. */
  calendar?: BusinessCalendar;
}

export type RequestWorkflowHandle = WorkflowHandle<typeof requestWorkflow>;

/** A completion the run refused (task not open, outcome not allowed); `message` says why. */
export class TaskCompletionRejectedError extends RunRefusalError {}

/** Starts the request's run, or returns the existing one: retries never start a second run. */
export async function startRequestWorkflow(
  client: Client,
  input: StartRequestWorkflowInput,
): Promise<RequestWorkflowHandle> {
  const workflowId = workflowIdFor(input.requestId);
  const service = input.service ?? String(input.facts.service_code ?? '');
  try {
    return await client.workflow.start<typeof requestWorkflow>('requestWorkflow', {
      workflowId,
      taskQueue: input.taskQueue,
      args: [
        {
          requestId: input.requestId,
          definition: input.definition,
          ref: input.ref,
          facts: input.facts,
          ...(input.calendar ? { calendar: input.calendar } : {}),
          ...(input.traceId ? { traceId: input.traceId } : {}),
        },
      ],
      ...(input.traceId ? { memo: { trace_id: input.traceId } } : {}),
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: requestIdAttribute, value: input.requestId },
        { key: serviceAttribute, value: service },
        { key: workflowAttribute, value: input.ref.workflow },
        { key: versionAttribute, value: input.ref.version },
        { key: statusAttribute, value: 'open' },
      ],
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return client.workflow.getHandle(workflowId);
    throw error;
  }
}

/** Completes a task through the run's Update; resolves once the run reached its next wait. */
export async function completeTask(
  client: Client,
  requestId: string,
  input: CompleteTaskInput,
): Promise<CompleteTaskResult> {
  return executeRunUpdate(
    client,
    requestId,
    completeTaskUpdate,
    input,
    TaskCompletionRejectedError,
    taskRunEnded(input.taskId),
  );
}

/** A reply the run refused (request closed, empty text); `message` says why. */
export class ResidentReplyRejectedError extends RunRefusalError {}

/**
 * Delivers a resident's reply to the request's run: a wait for the reply moves on (`resumed`);
 * otherwise the reply is only recorded on the timeline. Resolves once the run reached its next wait.
 */
export async function sendResidentReply(
  client: Client,
  requestId: string,
  reply: ResidentReplyInput,
): Promise<ResidentReplyResult> {
  return executeRunUpdate(
    client,
    requestId,
    residentReplyUpdate,
    reply,
    ResidentReplyRejectedError,
    `Request ${requestId} has no running workflow (it is closed, or was never started); reopen it to reply`,
  );
}

/** The run's path, status and open tasks, read through a Query. */
export async function getRunState(client: Client, requestId: string): Promise<RunState> {
  const workflowId = await latestWorkflowId(client, requestId);
  return client.workflow.getHandle<typeof requestWorkflow>(workflowId).query(runStateQuery);
}

/** A reopen the engine refused (the request is still open, or its workflow has no reopen node). */
export class ReopenRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReopenRefusedError';
  }
}

export interface ReopenRequestWorkflowInput extends StartRequestWorkflowInput {
  /** Who reopens it: `resident` or `staff:<id>`. */
  by: string;
  reason?: string | null;
}

/**
 * Reopens a closed request: starts run `request-<id>-r<n>` at the definition's `reopen` node, linked to
 * the previous run. Pass the definition the request is pinned to. Refused while the latest run is open.
 */
export async function reopenRequest(
  client: Client,
  input: ReopenRequestWorkflowInput,
): Promise<RequestWorkflowHandle> {
  if (input.definition.reopen === undefined) {
    throw new ReopenRefusedError(
      `Workflow ${input.definition.workflow} has no reopen step; add reopen: <node> to let requests reopen`,
    );
  }
  const n = await reopenCount(client, input.requestId);
  const previousWorkflowId =
    n === 0 ? workflowIdFor(input.requestId) : reopenedWorkflowIdFor(input.requestId, n);
  const previous = await client.workflow.getHandle(previousWorkflowId).describe();
  if (previous.status.name === 'RUNNING') {
    throw new ReopenRefusedError(
      `Request ${input.requestId} is still open (run ${previousWorkflowId}); nothing to reopen`,
    );
  }
  const service = input.service ?? String(input.facts.service_code ?? '');
  return client.workflow.start<typeof requestWorkflow>('requestWorkflow', {
    workflowId: reopenedWorkflowIdFor(input.requestId, n + 1),
    taskQueue: input.taskQueue,
    args: [
      {
        requestId: input.requestId,
        definition: input.definition,
        ref: input.ref,
        facts: input.facts,
        ...(input.calendar ? { calendar: input.calendar } : {}),
        reopen: { previousWorkflowId, reason: input.reason ?? null, by: input.by },
      },
    ],
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    typedSearchAttributes: [
      { key: requestIdAttribute, value: input.requestId },
      { key: serviceAttribute, value: service },
      { key: workflowAttribute, value: input.ref.workflow },
      { key: versionAttribute, value: input.ref.version },
      { key: statusAttribute, value: 'reopen' },
    ],
  });
}

export { latestWorkflowId } from './latest-run.js';
