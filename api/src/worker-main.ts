/** The worker process: runs request workflows and their activities against the request database. */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createWorker } from '@civicdesk/engine/temporal';
import { loadConfig } from './config.js';
import { createPrismaClient } from './db/client.js';
import { prismaRequestStore } from './workflow-store/prisma-request-store.js';

// The SDK logs every bundling step and state change at INFO; warnings and errors are what operators need.
Runtime.install({ logger: new DefaultLogger('WARN') });
const config = loadConfig();
const db = createPrismaClient(config.DATABASE_URL);
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
const worker = await createWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  store: prismaRequestStore(db),
});
console.log(JSON.stringify({ msg: 'worker running', taskQueue: config.TEMPORAL_TASK_QUEUE }));
// Worker.run() resolves after a graceful shutdown (the SDK handles SIGINT/SIGTERM itself).
await worker.run();
await connection.close();
await db.$disconnect();
console.log(JSON.stringify({ msg: 'worker stopped' }));
