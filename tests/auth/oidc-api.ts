/**
 * The API for the OIDC tests: the Springfield database and the HTTP server, started so that the
 * configuration can name the server's own callback URL (the port is bound before the app is built).
 * No worker or outbox relay: sign-in never starts a workflow, and the Temporal connection stays lazy.
 */
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createHttpApp,
  createMediaSettings,
  createTestDatabase,
  importCityPack,
  loadConfig,
  readCityPack,
  temporalWorkflowGateway,
  type AppContext,
  type TestDatabase,
} from '@civicdesk/api';
import { springfieldFolder } from '../support/platform.js';

export interface OidcTestApi {
  baseUrl: string;
  callbackUrl: string;
  app: AppContext;
  db: TestDatabase;
  stop(): Promise<void>;
}

/** Starts the API on a fresh Springfield database; `env(baseUrl)` adds configuration such as OIDC_*. */
export async function startOidcTestApi(
  name: string,
  env: (urls: { baseUrl: string; callbackUrl: string }) => Record<string, string>,
): Promise<OidcTestApi> {
  const db = await createTestDatabase(name);
  await importCityPack(db.prisma, readCityPack(springfieldFolder));
  let fetchHandler: ((request: Request) => Response | Promise<Response>) | null = null;
  const server = serve({
    fetch: (request) => (fetchHandler ? fetchHandler(request) : new Response('starting', { status: 503 })),
    hostname: '127.0.0.1',
    port: 0,
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const callbackUrl = `${baseUrl}/auth/oidc/callback`;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: db.url,
    PUBLIC_URL: baseUrl,
    MEDIA_DIR: join(tmpdir(), 'civicdesk-oidc-tests-media'),
    ...env({ baseUrl, callbackUrl }),
  });
  const connection = Connection.lazy({ address: config.TEMPORAL_ADDRESS });
  const app: AppContext = {
    db: db.prisma,
    config,
    workflows: temporalWorkflowGateway(
      new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
      'oidc-tests',
    ),
    media: createMediaSettings(config),
    now: () => new Date(),
  };
  fetchHandler = createHttpApp(app).fetch;
  return {
    baseUrl,
    callbackUrl,
    app,
    db,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await db.drop();
    },
  };
}
