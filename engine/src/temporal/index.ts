/** The durable shell around the core: client helpers, worker wiring, the store port. Not workflow code. */
export { startRequestWorkflow, completeTask, getRunState, TaskCompletionRejectedError } from './client.js';
export type { StartRequestWorkflowInput, RequestWorkflowHandle } from './client.js';
export { createWorker, getWorkflowBundle, workflowsPath, type CreateWorkerOptions } from './worker.js';
export {
  createActivities,
  evaluateDecision,
  type RequestActivities,
  type EvaluateDecisionInput,
} from './activities.js';
export { completeTaskUpdate, runStateQuery } from './messages.js';
export type { CompleteTaskInput, CompleteTaskResult, RunState } from './messages.js';
export type { RequestWorkflowInput, RequestWorkflowResult } from './workflows.js';
export type * from './request-store.port.js';
export { InMemoryRequestStore, type StoredTask } from './in-memory-request-store.js';
export { ensureSearchAttributes } from './register-search-attributes.js';
export * from './search-attributes.js';
export { workflowIdFor, writeKey, taskKey } from './keys.js';
