/** Moving a waiting task to another department from the API side, through the run's Update. */
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { latestWorkflowId } from './client.js';
import { transferTaskUpdate, type CompleteTaskResult, type TransferTaskInput } from './messages.js';
import type { requestWorkflow } from './workflows.js';

/** A transfer the run refused (task not open, already being completed); `message` says why. */
export class TaskTransferRejectedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TaskTransferRejectedError';
  }
}

/** Transfers the task; the run updates its assignee and the store moves the task row and the request. */
export async function transferTask(
  client: Client,
  requestId: string,
  input: TransferTaskInput,
): Promise<CompleteTaskResult> {
  const handle = client.workflow.getHandle<typeof requestWorkflow>(await latestWorkflowId(client, requestId));
  try {
    return await handle.executeUpdate(transferTaskUpdate, { args: [input] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof Error) {
      throw new TaskTransferRejectedError(error.cause.message, { cause: error });
    }
    throw error;
  }
}
