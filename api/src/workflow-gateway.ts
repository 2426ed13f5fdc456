/**
 * The API's one door to the workflow engine: start a request's run, complete a task. Backed by
 * Temporal through the engine's client helpers; the rest of the API never imports Temporal.
 */
import type { Client } from '@temporalio/client';
import type { WorkflowDefinition } from '@civicdesk/schemas';
import type { PinnedRef } from '@civicdesk/engine/core';
import {
  completeTask,
  startRequestWorkflow,
  type CompleteTaskInput,
  type CompleteTaskResult,
} from '@civicdesk/engine/temporal';

export { TaskCompletionRejectedError } from '@civicdesk/engine/temporal';

export interface StartRequestInput {
  requestId: string;
  definition: WorkflowDefinition;
  ref: PinnedRef;
  facts: Record<string, unknown>;
  service: string;
}

export interface WorkflowGateway {
  /** Starts `request-<id>` pinned to its version; calling it again for the same request changes nothing. */
  startRequest(input: StartRequestInput): Promise<void>;
  /** Completes a task through the run; throws TaskCompletionRejectedError when the run refuses it. */
  completeTask(requestId: string, input: CompleteTaskInput): Promise<CompleteTaskResult>;
}

/** The production gateway over a Temporal client and the workers' task queue. */
export function temporalWorkflowGateway(client: Client, taskQueue: string): WorkflowGateway {
  return {
    async startRequest(input) {
      await startRequestWorkflow(client, { ...input, taskQueue });
    },
    completeTask: (requestId, input) => completeTask(client, requestId, input),
  };
}
