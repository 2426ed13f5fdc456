/**
 * The platform the crash drills break: their own PostgreSQL and Temporal (own-services.ts), a migrated
 * database with the Springfield pack, the worker as a real child process, and the API side (HTTP
 * server + outbox relay) in the test process, as tests/support/platform.ts wires it.
 */
import type { Client } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  importCityPack,
  readCityPack,
  startOutboxRelay,
  type AppContext,
  type TestDatabase,
} from '@civicdesk/api';
import { springfieldFolder } from '../support/platform.js';
import { ownServices, type OwnServices } from './own-services.js';
import { startWorkerProcess, type WorkerProcess } from './worker-process.js';
import { startApiInProcess } from '../support/api-in-process.js';

export interface CrashPlatform {
  app: AppContext;
  db: TestDatabase;
  /** Temporal client on the drills' own server (for reading run histories). */
  client: Client;
  services: OwnServices;
  baseUrl: string;
  /** Folder of this run's Temporal database and worker logs. */
  dir: string;
  worker: WorkerProcess | null;
  /** Starts a new worker process (each gets its own log file in `dir`). */
  startWorker(): Promise<WorkerProcess>;
  /** Errors the outbox relay met (e.g. while PostgreSQL or Temporal was down). */
  relayErrors: number;
  stop(): Promise<void>;
}

/** Starts the drills' services and platform; `stop()` tears everything down, services included. */
export async function startCrashPlatform(ports: {
  pgPort: number;
  temporalPort: number;
  temporalUiPort: number;
}): Promise<CrashPlatform> {
  const dir = mkdtempSync(join(tmpdir(), 'civicdesk-crash-'));
  const services = ownServices({ ...ports, temporalDbFile: join(dir, 'temporal.db') });
  await services.startPostgres();
  await services.startTemporal();
  // createTestDatabase creates its database on the server named by DATABASE_URL: point it at ours.
  // Each vitest file runs in its own process, so this does not leak into other files.
  process.env.DATABASE_URL = services.databaseUrl;
  const db = await createTestDatabase('crash');
  await importCityPack(db.prisma, readCityPack(springfieldFolder));
  const taskQueue = `crash-${randomBytes(4).toString('hex')}`;
  const api = await startApiInProcess(db.url, taskQueue, db.prisma, {
    MEDIA_DIR: join(dir, 'media'),
    TEMPORAL_ADDRESS: services.temporalAddress,
    OPEN311_POSTS_PER_MINUTE: '100000',
  });
  const { app, client, baseUrl } = api;
  let workers = 0;
  const platform: CrashPlatform = {
    app,
    db,
    client,
    services,
    dir,
    baseUrl,
    worker: null,
    relayErrors: 0,
    async startWorker() {
      workers += 1;
      platform.worker = await startWorkerProcess({
        DATABASE_URL: db.url,
        TEMPORAL_ADDRESS: services.temporalAddress,
        TEMPORAL_TASK_QUEUE: taskQueue,
        logFile: join(dir, `worker-${workers}.log`),
      });
      return platform.worker;
    },
    async stop() {
      try {
        await platform.worker?.stop();
        await relay.stop();
        await api.stop();
        await db.drop();
      } finally {
        // The services go even when the platform could not be stopped cleanly.
        await services.stopTemporal();
        await services.stopPostgres();
        // CRASH_KEEP_LOGS=1 keeps the worker logs (and the Temporal database) for a post-mortem.
        if (process.env.CRASH_KEEP_LOGS === '1') console.log(`[crash drill] logs kept in ${dir}`);
        else rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  // The relay keeps trying while a service is down; its errors are counted, not printed.
  const relay = startOutboxRelay(app, () => (platform.relayErrors += 1));
  await platform.startWorker();
  return platform;
}
