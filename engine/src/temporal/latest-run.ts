/** Which run of a request is current: the first, or its latest reopening (`request-<id>-r<n>`). */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { reopenedWorkflowIdFor, workflowIdFor } from './keys.js';

/** How many times the request was reopened: the runs `request-<id>-r1`, `-r2`, … that exist. */
export async function reopenCount(client: Client, requestId: string): Promise<number> {
  let n = 0;
  for (;;) {
    try {
      await client.workflow.getHandle(reopenedWorkflowIdFor(requestId, n + 1)).describe();
      n += 1;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return n;
      throw error;
    }
  }
}

/** The workflow id of the request's latest run (the first, or the latest reopening). */
export async function latestWorkflowId(client: Client, requestId: string): Promise<string> {
  const n = await reopenCount(client, requestId);
  return n === 0 ? workflowIdFor(requestId) : reopenedWorkflowIdFor(requestId, n);
}
