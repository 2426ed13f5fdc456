/**
 * The production build of the API (`pnpm build:server`): the bundle starts as a process, reports
 * ready with PostgreSQL and Temporal, takes an Open311 report and relays it to Temporal — so the
 * bundled migrations path, the Prisma client and the external packages all resolve from the build.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, importCityPack, readCityPack, type TestDatabase } from '@civicdesk/api';
import { BASE } from '../open311/open311-client.js';
import { CAPITOL } from '../open311/seed-requests.js';
import { DEMO_API_KEY, eventually, postForm, springfieldFolder } from '../support/platform.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let db: TestDatabase;
let api: { child: ChildProcess; output: string[]; exited: Promise<void>; baseUrl: string };

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  db = await createTestDatabase('server_build');
  await importCityPack(db.prisma, readCityPack(springfieldFolder));
  const child = spawn(process.execPath, ['--enable-source-maps', 'api/build/server/main.mjs'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      // No worker polls this queue: the test checks that the run was started, not that it ran.
      TEMPORAL_TASK_QUEUE: `server-build-${process.pid}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = await eventually(
    async () => {
      if (gone) throw new Error(`The built API exited during start:\n${output.join('\n')}`);
      const line = output.find((l) => l.includes('"msg":"api listening"'));
      return line ? (JSON.parse(line) as { url: string }).url.replace('0.0.0.0', '127.0.0.1') : undefined;
    },
    'the built API to listen',
    60_000,
  );
  api = { child, output, exited, baseUrl: url };
}, 120_000);

afterAll(async () => {
  if (api) {
    api.child.kill('SIGTERM');
    await api.exited;
  }
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
