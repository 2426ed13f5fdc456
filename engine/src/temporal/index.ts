/** The durable shell around the core: client helpers, worker wiring, the store port. Not workflow code. */
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
export { createWorker, getWorkflowBundle, workflowsPath, type CreateWorkerOptions } from './worker.js';
/**
 * The SDK's process-wide Runtime and the worker connection, from the same copy of
 * @temporalio/worker that createWorker uses: pnpm may install another copy for the app (other peer
 * dependencies), and a Runtime installed on that copy would not reach this copy's workers.
 */
export { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
export type { LogEntry, RuntimeOptions } from '@temporalio/worker';
export {
  createActivities,
  evaluateDecision,
  type RequestActivities,
  type EvaluateDecisionInput,
} from './activities.js';
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
