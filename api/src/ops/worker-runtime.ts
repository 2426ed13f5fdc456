/**
 * The worker process's Temporal Runtime: SDK, workflow and activity logs as our JSON lines and,
 * when WORKER_METRICS_ADDRESS is set, the Core SDK's own Prometheus exporter. Failures happen in
 * the worker, so the worker counts them (temporal_workflow_failed, ..._execution_failed); the API's
 * /metrics cannot see them.
 */
import { Runtime, type RuntimeOptions } from '@civicdesk/engine/temporal/worker';
import type { Logger } from './logger.js';
import { temporalJsonLogger } from './temporal-logger.js';

/** The Runtime options: our logger always, the Prometheus exporter on `metricsAddress` (ip:port) when given. */
export function workerRuntimeOptions(logger: Logger, metricsAddress: string | undefined): RuntimeOptions {
  const options: RuntimeOptions = { logger: temporalJsonLogger(logger) };
  if (metricsAddress === undefined) return options;
  // SDK defaults otherwise (histograms in milliseconds, counters without _total): the names and
  // units of Temporal's SDK metrics reference and dashboards.
  return { ...options, telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } };
}

/**
 * Installs the Runtime; call once, before any connection or worker. Returns the metrics URL, or
 * null when metrics are off. Throws when the address cannot be bound (e.g. another worker holds it).
 */
export function installWorkerRuntime(logger: Logger, metricsAddress: string | undefined): string | null {
  Runtime.install(workerRuntimeOptions(logger, metricsAddress));
  return metricsAddress === undefined ? null : `http://${metricsAddress}/metrics`;
}
