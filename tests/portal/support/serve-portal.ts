/**
 * Serves the built portal (built once per run, `builtWebApps`) through the real HTTP app
 * (`createHttpApp` mounts `<STATIC_DIR>/portal` at `/`) over a running platform's context.
 */
import { serve } from '@hono/node-server';
import { createHttpApp, type AppContext } from '@civicdesk/api';
import type { AddressInfo } from 'node:net';
import { builtWebApps } from '../../support/web-build.js';

export type PortalServer = { baseUrl: string; stop(): Promise<void> };

/** Serves the built portal with the API; `stop` closes the server. */
export async function servePortal(app: AppContext): Promise<PortalServer> {
  const staticDir = await builtWebApps();
  const config = { ...app.config, STATIC_DIR: staticDir };
  const http = createHttpApp({ ...app, config });
  const server = serve({ fetch: http.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  // Photo URLs are built from the public URL; here it is only known once the server listens.
  config.PUBLIC_URL = baseUrl;
  config.publicUrl = baseUrl;
  return {
    baseUrl,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
