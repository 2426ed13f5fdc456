/**
 * The durable shell around the core, as the API uses it: client helpers, the store port, keys and
 * search attributes. Not workflow code. The worker side (`@civicdesk/engine/temporal/worker`) is
 * separate so the API process never loads the worker SDK and its native core.
 */
export {
  startRequestWorkflow,
  completeTask,
  getRunState,
  sendResidentReply,
  reopenRequest,
  latestWorkflowId,
  ReopenRefusedError,
  TaskCompletionRejectedError,
  ResidentReplyRejectedError,
} from './client.js';
export type {
  StartRequestWorkflowInput,
  RequestWorkflowHandle,
  ReopenRequestWorkflowInput,
} from './client.js';
export type { RequestActivities, EvaluateDecisionInput } from './activities.js';
export { completeTaskUpdate, residentReplyUpdate, runStateQuery } from './messages.js';
export type {
  CompleteTaskInput,
  CompleteTaskResult,
  ResidentReplyInput,
  ResidentReplyResult,
  RunState,
} from './messages.js';
export type { RequestWorkflowInput, RequestWorkflowResult, PendingTimer } from './workflows.js';
export type * from './request-store.port.js';
export { InMemoryRequestStore, type StoredTask } from './in-memory-request-store.js';
export { ensureSearchAttributes } from './register-search-attributes.js';
export * from './search-attributes.js';
export { workflowIdFor, reopenedWorkflowIdFor, writeKey, taskKey } from './keys.js';
export { transferTask, TaskTransferRejectedError } from './transfer-client.js';
export type { TransferTaskInput } from './messages.js';
