import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app-context.js';
import { loadConfig } from '../config.js';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { submitRequest } from '../intake/submit-request.js';
import { createMediaSettings } from '../media/media-settings.js';
import { readCityPack } from '../packs/city-pack.js';
import { importCityPack } from '../packs/import-city-pack.js';
import { temporalWorkflowGateway } from '../workflow-gateway.js';
import { relayOutboxOnce, startOutboxRelay } from './relay.js';

const springfield = new URL('../../../examples/springfield/', import.meta.url).pathname;
const mediaDir = mkdtempSync(join(tmpdir(), 'civicdesk-outbox-relay-'));
// No worker polls this queue: the runs are started (what the relay does) and never progress.
const taskQueue = `outbox-relay-${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let connection: Connection;
let client: Client;

function appWith(pollMs: number): AppContext {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: db.url,
    MEDIA_DIR: mediaDir,
    TEMPORAL_TASK_QUEUE: taskQueue,
    OUTBOX_POLL_MS: String(pollMs),
  });
  return {
    db: db.prisma,
    config,
    workflows: temporalWorkflowGateway(client, taskQueue),
    media: createMediaSettings(config),
    now: () => new Date(),
  };
}

async function report(app: AppContext, n: number) {
  const result = await submitRequest(
    app.db,
    'springfield.gov',
    {
      service_code: 'pothole',
      lat: 39.79 + n * 0.0005,
      long: -89.65,
      description: `Pothole number ${n}`,
      attributes: { depth_cm: '4', location_type: 'road' },
      channel: 'open311',
    },
    new Date(),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.request.id;
}

async function pendingRows() {
  return db.prisma.outboxMessage.count({ where: { processedAt: null } });
}

beforeAll(async () => {
  db = await createTestDatabase('outbox_relay');
  await importCityPack(db.prisma, readCityPack(springfield));
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  client = new Client({ connection });
});
afterAll(async () => {
  // The runs wait for a worker that never comes; end them so the shared server stays tidy.
  for await (const run of client.workflow.list({ query: `TaskQueue = '${taskQueue}'` })) {
    if (run.status.name === 'RUNNING') await client.workflow.getHandle(run.workflowId).terminate('test over');
  }
  await connection?.close();
  await db?.drop();
  rmSync(mediaDir, { recursive: true, force: true });
});

describe('outbox relay', () => {
  it('starts every committed request exactly once while two relays lease side by side', async () => {
    const app = appWith(50);
    const ids = await Promise.all(Array.from({ length: 40 }, (_, n) => report(app, n)));
    const relays = [startOutboxRelay(app), startOutboxRelay(app)];
    const deadline = Date.now() + 60_000;
    while ((await pendingRows()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await Promise.all(relays.map((r) => r.stop()));

    const rows = await db.prisma.outboxMessage.findMany({ where: { kind: 'start_workflow' } });
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => r.processedAt === null)).toEqual([]);
    // Leased once, started once: a second relay taking the same row would count a second attempt.
    expect(rows.map((r) => r.attempts)).toEqual(rows.map(() => 1));
    // Temporal's list (visibility) lags behind starts: read it until every run shows, then count.
    let runs = new Map<string, number>();
    for (let tries = 0; tries < 100; tries++) {
      runs = new Map();
      for await (const run of client.workflow.list({ query: `TaskQueue = '${taskQueue}'` }))
        runs.set(run.workflowId, (runs.get(run.workflowId) ?? 0) + 1);
      if (ids.every((id) => runs.has(`request-${id}`))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const id of ids) expect(runs.get(`request-${id}`), `runs of request ${id}`).toBe(1);
  });

  it('starts a new request at once when intake in the same process rings, not at the next poll', async () => {
    const app = appWith(60_000);
    const relay = startOutboxRelay(app);
    try {
      // Let the relay find nothing and settle into its (one-minute) wait.
      await new Promise((r) => setTimeout(r, 300));
      const submitted = Date.now();
      const id = await report(app, 99);
      const deadline = submitted + 20_000;
      let processedAt: Date | null = null;
      while (!processedAt && Date.now() < deadline) {
        const row = await db.prisma.outboxMessage.findFirst({
          where: { payload: { path: ['requestId'], equals: id } },
        });
        processedAt = row?.processedAt ?? null;
        if (!processedAt) await new Promise((r) => setTimeout(r, 50));
      }
      // Without the doorbell the relay would sleep out its minute and this would still be null.
      expect(processedAt, 'the workflow start was recorded within 20 s').not.toBeNull();
    } finally {
      await relay.stop();
    }
  });

  it('starts the good rows of a lease and keeps a failing row for a retry, its error on the row', async () => {
    const app = appWith(60_000);
    const good = await report(app, 90);
    // A message whose request is gone (deleted after intake): it must not hold back the others.
    const missing = await db.prisma.outboxMessage.create({
      data: { kind: 'start_workflow', payload: { requestId: '987654321' } },
    });
    const handled = await relayOutboxOnce(app);
    expect(handled).toBe(2);
    const goodRow = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { payload: { path: ['requestId'], equals: good } },
    });
    expect(goodRow).toMatchObject({ attempts: 1, lastError: null });
    expect(goodRow.processedAt).not.toBeNull();
    expect((await client.workflow.getHandle(`request-${good}`).describe()).status.name).toBe('RUNNING');
    const failed = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: missing.id } });
    expect(failed).toMatchObject({ attempts: 1, processedAt: null, lockedUntil: null });
    expect(failed.lastError).toBe('Request 987654321 does not exist');
    expect(failed.availableAt.getTime()).toBeGreaterThan(Date.now());
    await db.prisma.outboxMessage.delete({ where: { id: missing.id } });
  });
});
