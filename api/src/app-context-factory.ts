/** Builds the shared AppContext from configuration: database client, Temporal client, gateway. */
import { Client, Connection } from '@temporalio/client';
import type { AppContext } from './app-context.js';
import type { Config } from './config.js';
import { createPrismaClient } from './db/client.js';
import { temporalWorkflowGateway } from './workflow-gateway.js';
import { createMediaSettings } from './media/media-settings.js';
import { geocoderFromConfig } from './geo/geocoder-from-config.js';
import { temporalHealthCheck } from './ops/index.js';

/** Connects to PostgreSQL and Temporal; `close()` releases both. */
export async function createAppContext(
  config: Config,
): Promise<AppContext & { close(): Promise<void>; temporalHealth: () => Promise<void> }> {
  const db = createPrismaClient(config.DATABASE_URL);
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  return {
    db,
    config,
    workflows: temporalWorkflowGateway(client, config.TEMPORAL_TASK_QUEUE),
    media: createMediaSettings(config),
    temporalHealth: temporalHealthCheck(client),
    geocoder: geocoderFromConfig(config),
    now: () => new Date(),
    async close() {
      await connection.close();
      await db.$disconnect();
    },
  };
}
