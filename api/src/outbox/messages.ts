/** Outbox message kinds and their payloads. */
export const START_WORKFLOW = 'start_workflow';

export interface StartWorkflowPayload {
  requestId: string;
  /** The intake call's HTTP request id (`x-request-id`), handed on to the run for log correlation. */
  traceId?: string;
}
