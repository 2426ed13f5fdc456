/** Outbox message kinds and their payloads. */
export const START_WORKFLOW = 'start_workflow';

export interface StartWorkflowPayload {
  requestId: string;
}
