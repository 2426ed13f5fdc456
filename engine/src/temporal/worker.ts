/** Worker wiring: the bundled request workflow plus activities bound to a RequestStore. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  bundleWorkflowCode,
  Runtime,
  Worker,
  type Logger,
  type NativeConnection,
  type WorkerOptions,
  type WorkflowBundle,
} from '@temporalio/worker';
import { createActivities } from './activities.js';
import type { RequestStore } from './request-store.port.js';

export interface CreateWorkerOptions {
  /** A worker connection (`NativeConnection.connect({ address })`), not a client `Connection`. */
  connection: NativeConnection;
  taskQueue: string;
  store: RequestStore;
  namespace?: string;
  /** Defaults to the shared bundle from `getWorkflowBundle()`. */
  workflowBundle?: WorkflowBundle;
  /** Extra worker options (tuning, interceptors); the ones above win. */
  options?: Partial<
    Omit<
      WorkerOptions,
      'connection' | 'taskQueue' | 'namespace' | 'workflowBundle' | 'workflowsPath' | 'activities'
    >
  >;
}

/** Path of the workflow module, whether running from TypeScript sources or compiled JavaScript. */
export function workflowsPath(): string {
  const ts = fileURLToPath(new URL('./workflows.ts', import.meta.url));
  return existsSync(ts) ? ts : fileURLToPath(new URL('./workflows.js', import.meta.url));
}

let bundle: Promise<WorkflowBundle> | undefined;

/** Bundles the workflow code once per process (a few seconds) and reuses it; `logger` applies to the first call. */
export function getWorkflowBundle(logger?: Logger): Promise<WorkflowBundle> {
  bundle ??= bundleWorkflowCode({ workflowsPath: workflowsPath(), ...(logger ? { logger } : {}) }).catch(
    (error: unknown) => {
      bundle = undefined;
      throw error;
    },
  );
  return bundle;
}

/** A Worker for the request workflow on `taskQueue`; call `run()` on it, `shutdown()` to stop. */
export async function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  return Worker.create({
    ...options.options,
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue,
    // The installed Runtime's logger, so bundling logs as the rest of the worker does.
    workflowBundle: options.workflowBundle ?? (await getWorkflowBundle(Runtime.instance().logger)),
    activities: createActivities(options.store),
  });
}
