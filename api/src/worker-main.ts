/** The worker process: runs request workflows and their activities against the request database. */
import { createWorker, NativeConnection } from '@civicdesk/engine/temporal/worker';
import { loadConfig } from './config.js';
import { createPrismaClient } from './db/client.js';
import { prismaRequestStore } from './workflow-store/prisma-request-store.js';
import { createLogger } from './ops/logger.js';
import { installWorkerRuntime } from './ops/worker-runtime.js';

// JSON lines like the API's; the SDK's own INFO chatter (bundling, state changes) is left out.
const log = createLogger({ service: 'worker' });
const config = loadConfig();
const metricsUrl = installWorkerRuntime(log, config.WORKER_METRICS_ADDRESS);
if (metricsUrl) log.info('worker metrics', { url: metricsUrl });
const db = createPrismaClient(config.DATABASE_URL);
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
const worker = await createWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  store: prismaRequestStore(db),
  ...(config.WORKER_MAX_CACHED_WORKFLOWS !== undefined
    ? { options: { maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS } }
    : {}),
});
log.info('worker running', { taskQueue: config.TEMPORAL_TASK_QUEUE });
// Worker.run() resolves after a graceful shutdown (the SDK handles SIGINT/SIGTERM itself).
await worker.run();
await connection.close();
await db.$disconnect();
log.info('worker stopped');
