/**
 * The production build of the API (`pnpm build:server`): the bundle starts as a process, reports
 * ready with PostgreSQL and Temporal, takes an Open311 report and relays it to Temporal — so the
 * bundled migrations path, the Prisma client and the external packages all resolve from the build.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, importCityPack, readCityPack, type TestDatabase } from '@civicdesk/api';
import { BASE } from '../open311/open311-client.js';
import { CAPITOL } from '../open311/seed-requests.js';
import { startNodeProcess, type NodeProcess } from '../support/node-process.js';
import { DEMO_API_KEY, eventually, postForm, springfieldFolder } from '../support/platform.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let db: TestDatabase;
let api: NodeProcess & { baseUrl: string };

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  db = await createTestDatabase('server_build');
  await importCityPack(db.prisma, readCityPack(springfieldFolder));
  const started = await startNodeProcess(
    'the built API',
    ['--enable-source-maps', 'api/build/server/main.mjs'],
    {
      DATABASE_URL: db.url,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      // No worker polls this queue: the test checks that the run was started, not that it ran.
      TEMPORAL_TASK_QUEUE: `server-build-${process.pid}`,
    },
    '"msg":"api listening"',
    60_000,
  );
  const { url } = JSON.parse(started.readyLine) as { url: string };
  api = { ...started, baseUrl: url.replace('0.0.0.0', '127.0.0.1') };
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('the API built by pnpm build:server', () => {
  it('is ready: PostgreSQL and Temporal answer', async () => {
    const response = await fetch(`${api.baseUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });

  it('takes an Open311 report and starts its workflow through the outbox', async () => {
    const response = await postForm(api.baseUrl, `${BASE}/requests.json`, [
      ['api_key', DEMO_API_KEY],
      ['service_code', 'pothole'],
      ['lat', String(CAPITOL.lat)],
      ['long', String(CAPITOL.long)],
      ['description', 'Deep pothole by the capitol'],
      ['attribute[depth_cm]', '12'],
      ['attribute[location_type]', 'road'],
    ]);
    expect(response.status).toBe(200);
    const [answer] = (await response.json()) as { service_request_id: string }[];
    const id = answer!.service_request_id;
    const processed = await eventually(
      async () =>
        (await db.prisma.outboxMessage.findFirst({
          where: { payload: { path: ['requestId'], equals: id }, processedAt: { not: null } },
        })) ?? undefined,
      'the outbox row to be relayed',
      30_000,
    );
    expect(processed.attempts).toBe(1);
    // Started for real: Temporal has the run (no worker polls its queue, so it is ended here).
    const connection = await Connection.connect({
      address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    });
    try {
      const run = new Client({ connection }).workflow.getHandle(`request-${id}`);
      expect((await run.describe()).status.name).toBe('RUNNING');
      await run.terminate('server-build test done');
    } finally {
      await connection.close();
    }
  });
});
