/**
 * The API side of a test platform, in the test process: configuration for a test database and task
 * queue, a Temporal client, the AppContext and the HTTP server on a free port. The outbox relay is
 * left to the caller, which decides how its errors are reported.
 */
import { serve, type ServerType } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import type { AddressInfo } from 'node:net';
import {
  createHttpApp,
  createMediaSettings,
  loadConfig,
  temporalWorkflowGateway,
  type AppContext,
  type Config,
} from '@civicdesk/api';

export interface ApiInProcess {
  app: AppContext;
  config: Config;
  client: Client;
  baseUrl: string;
  /** Closes the HTTP server and the Temporal connection (not the database). */
  stop(): Promise<void>;
}

/** Starts the API against `databaseUrl`; `env` overrides configuration (TEMPORAL_ADDRESS, limits, …). */
export async function startApiInProcess(
  databaseUrl: string,
  taskQueue: string,
  db: AppContext['db'],
  env: Record<string, string>,
): Promise<ApiInProcess> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PORT: '0',
    OUTBOX_POLL_MS: '50',
    ...env,
  });
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app: AppContext = {
    db,
    config,
    workflows: temporalWorkflowGateway(client, taskQueue),
    media: createMediaSettings(config),
    now: () => new Date(),
  };
  const server: ServerType = serve({ fetch: createHttpApp(app).fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    app,
    config,
    client,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await connection.close();
    },
  };
}
