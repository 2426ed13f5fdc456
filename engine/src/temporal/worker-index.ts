/**
 * The worker side of the durable shell: worker wiring, the activities, and the SDK's process-wide
 * Runtime and worker connection. Only the worker process (and tests that run a worker) import this:
 * it loads @temporalio/worker and its native core, which the API does not need.
 *
 * Runtime and NativeConnection come from the same copy of @temporalio/worker that createWorker
 * uses: pnpm may install another copy for the app (other peer dependencies), and a Runtime
 * installed on that copy would not reach this copy's workers.
 */
export { createWorker, getWorkflowBundle, workflowsPath, type CreateWorkerOptions } from './worker.js';
export { createActivities, evaluateDecision } from './activities.js';
export { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
export type { LogEntry, RuntimeOptions } from '@temporalio/worker';
