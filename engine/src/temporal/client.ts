/** Starting runs and completing tasks from the API side. */
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import type { WorkflowDefinition } from '@civicdesk/schemas';
import type { PinnedRef } from '../core/index.js';
import type { Facts } from '../rules/index.js';
import { workflowIdFor } from './keys.js';
import {
  completeTaskUpdate,
  runStateQuery,
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
  /** Open311 service code; defaults to `facts.service_code`. */
  service?: string;
}

export type RequestWorkflowHandle = WorkflowHandle<typeof requestWorkflow>;

/** A completion the run refused (task not open, outcome not allowed); `message` says why. */
export class TaskCompletionRejectedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TaskCompletionRejectedError';
  }
}

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
        { requestId: input.requestId, definition: input.definition, ref: input.ref, facts: input.facts },
      ],
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
  const handle = client.workflow.getHandle<typeof requestWorkflow>(workflowIdFor(requestId));
  try {
    return await handle.executeUpdate(completeTaskUpdate, { args: [input] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof Error) {
      throw new TaskCompletionRejectedError(error.cause.message, { cause: error });
    }
    throw error;
  }
}

/** The run's path, status and open tasks, read through a Query. */
export async function getRunState(client: Client, requestId: string): Promise<RunState> {
  return client.workflow.getHandle<typeof requestWorkflow>(workflowIdFor(requestId)).query(runStateQuery);
}
