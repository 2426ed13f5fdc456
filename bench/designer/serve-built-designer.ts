/**
 * The designer as a city runs it: built with Vite and served by the real HTTP app (`createHttpApp`
 * mounts it at /designer/) over a scratch database with the Springfield pack. No Temporal: the
 * designer's calls (sign-in, workflows.*) never start runs, and a gateway that throws proves it.
 */
import { serve } from '@hono/node-server';
import {
  createHttpApp,
  createMediaSettings,
  createTestDatabase,
  importCityPack,
  loadConfig,
  readCityPack,
  type AppContext,
  type WorkflowGateway,
} from '@civicdesk/api';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const designerFolder = fileURLToPath(new URL('../../designer', import.meta.url));
const springfield = fileURLToPath(new URL('../../examples/springfield', import.meta.url));

const noRuns = new Proxy({} as WorkflowGateway, {
  get: () => () => {
    throw new Error('the designer benchmark starts no runs');
  },
});

/** Builds the designer, serves it with the API; `stop` closes the server, drops the database and the build. */
export async function serveBuiltDesigner(): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const staticDir = mkdtempSync(join(tmpdir(), 'civicdesk-bench-designer-'));
  console.error('[bench/designer] building the designer');
  execFileSync(
    'pnpm',
    ['exec', 'vite', 'build', '--outDir', join(staticDir, 'designer'), '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: designerFolder,
      stdio: 'pipe',
    },
  );
  const db = await createTestDatabase('bench_designer');
  await importCityPack(db.prisma, readCityPack(springfield));
  const mediaDir = join(staticDir, 'media');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: db.url,
    MEDIA_DIR: mediaDir,
    STATIC_DIR: staticDir,
  });
  const app: AppContext = {
    db: db.prisma,
    config,
    workflows: noRuns,
    media: createMediaSettings(config),
    now: () => new Date(),
  };
  const server = serve({ fetch: createHttpApp(app).fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await db.drop();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}
