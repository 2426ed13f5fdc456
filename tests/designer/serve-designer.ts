/**
 * Serves the built designer (built once per run, `builtWebApps`) through the real HTTP app
 * (`createHttpApp`, which mounts it at `/designer/`) over a running platform's context.
 */
import { serve } from '@hono/node-server';
import { createHttpApp, type AppContext } from '@civicdesk/api';
import type { AddressInfo } from 'node:net';
import { builtWebApps } from '../support/web-build.js';

export type DesignerServer = { baseUrl: string; stop(): Promise<void> };

/** Serves the built designer with the API; `stop` closes the server. */
export async function serveDesigner(app: AppContext): Promise<DesignerServer> {
  const staticDir = await builtWebApps();
  const http = createHttpApp({ ...app, config: { ...app.config, STATIC_DIR: staticDir } });
  const server = serve({ fetch: http.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
