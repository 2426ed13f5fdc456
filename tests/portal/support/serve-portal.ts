/**
 * Builds the portal with Vite into a temporary STATIC_DIR and serves it through the real HTTP app
 * (`createHttpApp` mounts `<STATIC_DIR>/portal` at `/`) over a running platform's context.
 */
import { serve } from '@hono/node-server';
import { createHttpApp, type AppContext } from '@civicdesk/api';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const portalFolder = fileURLToPath(new URL('../../../portal', import.meta.url));

export type PortalServer = { baseUrl: string; stop(): Promise<void> };

/** Builds the portal and serves it with the API; `stop` closes the server and removes the build. */
export async function servePortal(app: AppContext): Promise<PortalServer> {
  const staticDir = mkdtempSync(join(tmpdir(), 'civicdesk-portal-'));
  execFileSync(
    'pnpm',
    ['exec', 'vite', 'build', '--outDir', join(staticDir, 'portal'), '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: portalFolder, stdio: 'pipe' },
  );
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
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}
