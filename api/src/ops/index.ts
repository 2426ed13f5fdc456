/** Operability: health and readiness, Prometheus metrics, structured logs with request ids. */
export { healthRoutes, temporalHealthCheck, type HealthOptions, type CheckResult } from './health-routes.js';
export { metricsRoutes, recordIntake, type MetricsOptions } from './metrics.js';
export { createLogger, type Logger, type LogFields, type LogLevel, type LogSink } from './logger.js';
export { requestLogging, REQUEST_ID_HEADER, type RequestLoggingVariables } from './request-logging.js';
