/**
 * The API's one door to the workflow engine: start a request's run, complete a task, pass on a
 * resident's reply, reopen a closed request. Backed by
 * Temporal through the engine's client helpers; the rest of the API never imports Temporal.
 */
import type { Client } from '@temporalio/client';
import type { BusinessCalendar, WorkflowDefinition } from '@civicdesk/schemas';
import type { PinnedRef } from '@civicdesk/engine/core';
import {
  completeTask,
  reopenRequest,
  sendResidentReply,
  startRequestWorkflow,
  transferTask,
  type CompleteTaskInput,
  type CompleteTaskResult,
  type ResidentReplyInput,
  type ResidentReplyResult,
  type TransferTaskInput,
} from '@civicdesk/engine/temporal';

export {
  ReopenRefusedError,
  ResidentReplyRejectedError,
  TaskCompletionRejectedError,
  TaskTransferRejectedError,
} from '@civicdesk/engine/temporal';

export interface StartRequestInput {
  requestId: string;
  definition: WorkflowDefinition;
  ref: PinnedRef;
  facts: Record<string, unknown>;
  service: string;
  /** The jurisdiction's business calendar, for business-time SLAs. */
  calendar?: BusinessCalendar;
  /** The intake call's request id, kept in the run's memo and logs. */
  traceId?: string;
}

export interface WorkflowGateway {
  /** Starts `request-<id>` pinned to its version; calling it again for the same request changes nothing. */
  startRequest(input: StartRequestInput): Promise<void>;
  /** Completes a task through the run; throws TaskCompletionRejectedError when the run refuses it. */
  completeTask(requestId: string, input: CompleteTaskInput): Promise<CompleteTaskResult>;
  /** Moves a waiting task to another department; throws TaskTransferRejectedError when the run refuses. */
  transferTask(requestId: string, input: TransferTaskInput): Promise<CompleteTaskResult>;
  /** A resident's reply ("send us a photo"); throws ResidentReplyRejectedError when the request is closed. */
  residentReply(requestId: string, reply: ResidentReplyInput): Promise<ResidentReplyResult>;
  /** Starts a new run linked to the closed one; throws ReopenRefusedError while it is still open. */
  reopen(input: StartRequestInput & { by: string; reason?: string | null }): Promise<void>;
}

/** The production gateway over a Temporal client and the workers' task queue. */
export function temporalWorkflowGateway(client: Client, taskQueue: string): WorkflowGateway {
  return {
    async startRequest(input) {
      await startRequestWorkflow(client, { ...input, taskQueue });
    },
    completeTask: (requestId, input) => completeTask(client, requestId, input),
    residentReply: (requestId, reply) => sendResidentReply(client, requestId, reply),
    transferTask: (requestId, input) => transferTask(client, requestId, input),
    async reopen(input) {
      await reopenRequest(client, { ...input, taskQueue });
    },
  };
}
