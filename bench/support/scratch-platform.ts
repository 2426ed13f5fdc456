/**
 * A throw-away CivicDesk for one benchmark run: a fresh migrated database on the shared PostgreSQL
 * with the bench city imported, N API processes and M worker processes (started as `pnpm start`
 * starts them) on their own Temporal task queue. `stop()` stops the processes and drops the database.
 */
import { randomBytes } from 'node:crypto';
import { createTestDatabase, importCityPack, type TestDatabase } from '@civicdesk/api';
import { BENCH_API_KEY, BENCH_JURISDICTION, benchCityPack } from './bench-city.js';
import { measureCpu, pidsMatching, type CpuComponent } from './cpu-usage.js';
import { platformEnv, startApi, startWorkerProcess, type PlatformProcess } from './processes.js';
import type { Target } from '../load/send.js';

export interface ScratchPlatform {
  db: TestDatabase;
  taskQueue: string;
  apis: (PlatformProcess & { baseUrl: string })[];
  workers: PlatformProcess[];
  /** Where load generators send (one per API process). */
  targets: Target[];
  /** Starts one more API process. */
  addApi(): Promise<void>;
  /** Starts one more worker process. */
  addWorker(): Promise<void>;
  /** Starts counting CPU seconds per component: Temporal, PostgreSQL, API, worker, load generator. */
  measureCpu(): ReturnType<typeof measureCpu>;
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface ScratchOptions {
  name: string;
  apis?: number;
  workers?: number;
  clerksPerDepartment?: number;
  /** Extra environment for the processes (e.g. OUTBOX_POLL_MS). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

/** Creates the database, imports the bench city and starts the processes. */
export async function startScratchPlatform(options: ScratchOptions): Promise<ScratchPlatform> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const db = await createTestDatabase(`bench_${options.name}`);
  const taskQueue = `bench-${options.name}-${randomBytes(4).toString('hex')}`;
  const env = { ...platformEnv(db.url, taskQueue), ...options.env };
  const platform: ScratchPlatform = {
    db,
    taskQueue,
    apis: [],
    workers: [],
    targets: [],
    async addApi() {
      const api = await startApi(`api-${platform.apis.length + 1}`, env);
      platform.apis.push(api);
      platform.targets.push({
        baseUrl: api.baseUrl,
        jurisdictionId: BENCH_JURISDICTION,
        apiKey: BENCH_API_KEY,
      });
    },
    async addWorker() {
      platform.workers.push(await startWorkerProcess(`worker-${platform.workers.length + 1}`, env));
    },
    measureCpu() {
      const pidsOf = (processes: PlatformProcess[]) => () =>
        processes.flatMap((p) => (p.child.pid === undefined ? [] : [p.child.pid]));
      const components: CpuComponent[] = [
        { name: 'Temporal server', pids: () => pidsMatching('temporal server start-dev') },
        { name: 'PostgreSQL', pids: () => pidsMatching('postgres') },
        { name: 'API', pids: pidsOf(platform.apis) },
        { name: 'worker', pids: pidsOf(platform.workers) },
        { name: 'load generator', pids: () => [process.pid] },
      ];
      return measureCpu(components);
    },
    async stop({ keepDatabase = false } = {}) {
      await Promise.all([...platform.apis, ...platform.workers].map((p) => p.stop()));
      if (keepDatabase) await db.prisma.$disconnect();
      else await db.drop();
    },
  };
  try {
    log(`[bench] database ${db.name}, task queue ${taskQueue}`);
    await importCityPack(db.prisma, benchCityPack(options.clerksPerDepartment ?? 3));
    for (let i = 0; i < (options.workers ?? 1); i += 1) await platform.addWorker();
    for (let i = 0; i < (options.apis ?? 1); i += 1) await platform.addApi();
    log(`[bench] ${platform.apis.length} API and ${platform.workers.length} worker process(es) running`);
    return platform;
  } catch (error) {
    await platform.stop().catch(() => undefined);
    throw error;
  }
}
