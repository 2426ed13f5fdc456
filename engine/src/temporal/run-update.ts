/**
 * Sending an Update to a request's latest run from the API side. The run's validator or handler may
 * refuse it; that refusal becomes the caller's own error type carrying the run's message.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { latestWorkflowId } from './latest-run.js';
import type { requestWorkflow } from './workflows.js';

/** A request the run refused; subclasses name what was refused, `message` says why. */
export class RunRefusalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Executes `update` on the request's latest run; a refusal is thrown as `Refusal`, and so is a run
 * that has ended (or never started), with the message `ended`: two clerks completing one task at
 * once can find the run already closed by the first (it closes within one workflow task).
 */
export async function executeRunUpdate<Ret, Arg>(
  client: Client,
  requestId: string,
  update: UpdateDefinition<Ret, [Arg]>,
  arg: Arg,
  Refusal: new (message: string, options?: { cause?: unknown }) => RunRefusalError,
  ended: string,
): Promise<Ret> {
  const handle = client.workflow.getHandle<typeof requestWorkflow>(await latestWorkflowId(client, requestId));
  try {
    return await handle.executeUpdate(update, { args: [arg] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof Error) {
      throw new Refusal(error.cause.message, { cause: error });
    }
    if (error instanceof WorkflowNotFoundError) {
      throw new Refusal(ended, { cause: error });
    }
    throw error;
  }
}

/** What a clerk is told when the task's run has ended: the task cannot be completed or moved any more. */
export const taskRunEnded = (taskId: string) =>
  `Task ${taskId} is no longer open: the request's workflow has ended`;
