/**
 * A whole CivicDesk in one test process, on the real services: a fresh migrated PostgreSQL database
 * with the Springfield pack imported, a Temporal client and worker on the real dev server (own task
 * queue per test file), the HTTP server on a free port and the outbox relay.
 */
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorker, DefaultLogger, NativeConnection, Runtime } from '@civicdesk/engine/temporal/worker';
import {
  createTestDatabase,
  importCityPack,
  prismaRequestStore,
  readCityPack,
  startOutboxRelay,
  type AppContext,
  type TestDatabase,
} from '@civicdesk/api';
import { startApiInProcess } from './api-in-process.js';

// Keep test output readable: the SDK logs bundling and every worker state change at INFO.
Runtime.install({ logger: new DefaultLogger('WARN') });

export const springfieldFolder = fileURLToPath(new URL('../../examples/springfield', import.meta.url));
export const DEMO_API_KEY = 'springfield-demo-key';

export interface RunningWorker {
  worker: Worker;
  running: Promise<void>;
}

export interface Platform {
  app: AppContext;
  db: TestDatabase;
  baseUrl: string;
  client: Client;
  taskQueue: string;
  worker: RunningWorker | null;
  /** Starts a worker on the platform's task queue (a new one after `stopWorker`). */
  startWorker(): Promise<void>;
  /** Shuts the worker down gracefully, as a deploy or crash-restart would. */
  stopWorker(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPlatform(name: string): Promise<Platform> {
  const db = await createTestDatabase(name);
  await importCityPack(db.prisma, readCityPack(springfieldFolder));
  const taskQueue = `${name}-${randomBytes(4).toString('hex')}`;
  const mediaDir = mkdtempSync(join(tmpdir(), `civicdesk-media-${name}-`));
  const api = await startApiInProcess(db.url, taskQueue, db.prisma, { MEDIA_DIR: mediaDir });
  const { app, client, config, baseUrl } = api;
  const relay = startOutboxRelay(app);
  const workerConnection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });

  const platform: Platform = {
    app,
    db,
    baseUrl,
    client,
    taskQueue,
    worker: null,
    async startWorker() {
      const worker = await createWorker({
        connection: workerConnection,
        taskQueue,
        store: prismaRequestStore(db.prisma),
      });
      platform.worker = { worker, running: worker.run() };
    },
    async stopWorker() {
      if (!platform.worker) return;
      platform.worker.worker.shutdown();
      await platform.worker.running;
      platform.worker = null;
    },
    async stop() {
      await platform.stopWorker();
      await relay.stop();
      await api.stop();
      await workerConnection.close();
      await db.drop();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
  await platform.startWorker();
  return platform;
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends an Open311 form POST (application/x-www-form-urlencoded). */
export function postForm(baseUrl: string, path: string, fields: [string, string][]) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}
