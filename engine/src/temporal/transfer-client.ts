/** Moving a waiting task to another department from the API side, through the run's Update. */
import type { Client } from '@temporalio/client';
import { transferTaskUpdate, type CompleteTaskResult, type TransferTaskInput } from './messages.js';
import { executeRunUpdate, RunRefusalError, taskRunEnded } from './run-update.js';

/** A transfer the run refused (task not open, already being completed); `message` says why. */
export class TaskTransferRejectedError extends RunRefusalError {}

/** Transfers the task; the run updates its assignee and the store moves the task row and the request. */
export function transferTask(
  client: Client,
  requestId: string,
  input: TransferTaskInput,
): Promise<CompleteTaskResult> {
  return executeRunUpdate(
    client,
    requestId,
    transferTaskUpdate,
    input,
    TaskTransferRejectedError,
    taskRunEnded(input.taskId),
  );
}
