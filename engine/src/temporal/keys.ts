/** Ids and idempotency keys shared by the workflow, its activities and the client. Pure. */

/** The Temporal workflow id of a request's first run; ids are never reused. */
export const workflowIdFor = (requestId: string): string => `request-${requestId}`;

/** The workflow id of the run that reopens a request for the `n`th time (1-based), linked to the earlier ones. */
export const reopenedWorkflowIdFor = (requestId: string, n: number): string => `request-${requestId}-r${n}`;

/** Key of the write made for command number `seq` of the run. Unique per run because ids are never reused. */
export const writeKey = (workflowId: string, seq: number): string => `${workflowId}:${seq}`;

/** Key of a task row: one per node visit, so a loop back to a task creates a new row. */
export const taskKey = (workflowId: string, node: string, visit: number): string =>
  `${workflowId}:${node}:${visit}`;
