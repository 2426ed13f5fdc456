/**
 * Builds the designer with Vite into a temporary STATIC_DIR and serves it through the real HTTP app
 * (`createHttpApp`, which mounts it at `/designer/`) over a running platform's context.
 */
import { serve } from '@hono/node-server';
import { createHttpApp, type AppContext } from '@civicdesk/api';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const designerFolder = fileURLToPath(new URL('../../designer', import.meta.url));

export type DesignerServer = { baseUrl: string; stop(): Promise<void> };

/** Builds the designer and serves it with the API; `stop` closes the server and removes the build. */
export async function serveDesigner(app: AppContext): Promise<DesignerServer> {
  const staticDir = mkdtempSync(join(tmpdir(), 'civicdesk-designer-'));
  execFileSync(
    'pnpm',
    ['exec', 'vite', 'build', '--outDir', join(staticDir, 'designer'), '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: designerFolder,
      stdio: 'pipe',
    },
  );
  const http = createHttpApp({ ...app, config: { ...app.config, STATIC_DIR: staticDir } });
  const server = serve({ fetch: http.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}
