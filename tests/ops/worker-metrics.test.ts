/**
 * Workflow and activity failures are counted where they happen, in the worker: the real worker
 * process (api/src/worker-main.ts) with WORKER_METRICS_ADDRESS serves the Temporal Core SDK's
 * Prometheus metrics, and a run that fails and a store write that fails show up there, labelled
 * with the worker's task queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import {
  ApplicationFailure,
  Client,
  Connection,
  WorkflowFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { buildFacts } from '@civicdesk/engine/rules';
import { ensureSearchAttributes, startRequestWorkflow } from '@civicdesk/engine/temporal';
import { createTestDatabase, importCityPack, readCityPack, type TestDatabase } from '@civicdesk/api';
import { seedRequest } from '../open311/seed-requests.js';
import { startNodeProcess, type NodeProcess } from '../support/node-process.js';
import { eventually, springfieldFolder } from '../support/platform.js';

const temporalAddress = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';

/**
 * A triage with no default (a report its one rule does not match has nowhere to go: an EngineError)
 * before a webhook to a port nothing listens on, tried once (its failure takes `on_failure`).
 */
const failingPaths = (webhookPort: number): WorkflowDefinition => ({
  workflow: 'metrics-failures',
  title: 'Triage without a default, then an unreachable webhook',
  services: ['pothole'],
  start: 'triage',
  nodes: {
    triage: {
      type: 'decision',
      title: 'Triage',
      rules: [
        {
          name: 'deep',
          when: { all: [{ fact: 'attributes.depth_cm', operator: 'greaterThanInclusive', value: 10 }] },
          next: 'tell-roads',
        },
      ],
    },
    'tell-roads': {
      type: 'action',
      action: 'webhook',
      url: `http://127.0.0.1:${webhookPort}/hook`,
      method: 'POST',
      timeout: 'PT5S',
      retries: 0,
      on_failure: 'done',
      next: 'done',
    },
    done: { type: 'end', resolution: 'fixed', status: 'fixed', message: 'Fixed.' },
  },
});
const ref = { workflow: 'metrics-failures', version: 1, hash: 'sha256:metrics-failures-v1' };
const shallow = buildFacts({ service_code: 'pothole', channel: 'web', attributes: { depth_cm: 4 } });
const deep = buildFacts({ service_code: 'pothole', channel: 'web', attributes: { depth_cm: 12 } });

let db: TestDatabase;
let connection: Connection;
let client: Client;
let worker: NodeProcess;
const taskQueue = `worker-metrics-${randomBytes(4).toString('hex')}`;
const metricsAddress = `127.0.0.1:${await freePort()}`;
const definition = failingPaths(await freePort());
const handles: WorkflowHandle[] = [];

beforeAll(async () => {
  db = await createTestDatabase('worker_metrics');
  await importCityPack(db.prisma, readCityPack(springfieldFolder));
  connection = await Connection.connect({ address: temporalAddress });
  await ensureSearchAttributes(connection);
  client = new Client({ connection });
  worker = await startWorker({
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKER_METRICS_ADDRESS: metricsAddress,
  });
});

afterAll(async () => {
  // Should a test stop half-way, no run of ours keeps retrying on the shared Temporal server.
  for (const handle of handles) await handle.terminate('worker-metrics test done').catch(() => undefined);
  if (worker) {
    await worker.stop();
  }
  await connection?.close();
  await db?.drop();
});

/** Starts the run of `requestId` on the worker's queue and keeps its handle for the clean-up. */
async function startRun(requestId: string, facts: typeof deep) {
  const handle = await startRequestWorkflow(client, { requestId, taskQueue, definition, ref, facts });
  handles.push(handle);
  return handle;
}

const ours = { task_queue: taskQueue, workflow_type: 'requestWorkflow' };

describe('the worker process with WORKER_METRICS_ADDRESS', () => {
  it('logs its metrics URL once', () => {
    const lines = worker.output.filter((l) => l.includes('"msg":"worker metrics"'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ url: `http://${metricsAddress}/metrics` });
  });

  it('counts a run the engine fails in temporal_workflow_failed', async () => {
    const before = await scrape();
    const handle = await startRun(await seedRequest(db.prisma, { requestedAt: new Date() }), shallow);
    const failure = await handle.result().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause).toBeInstanceOf(ApplicationFailure);
    expect((failure as WorkflowFailedError).cause).toMatchObject({ type: 'EngineError', nonRetryable: true });

    const failed = (text: string) => total(text, 'temporal_workflow_failed', ours);
    const after = await eventually(async () => {
      const now = await scrape();
      return failed(now) > failed(before) ? now : undefined;
    }, 'temporal_workflow_failed to rise');
    expect(failed(after)).toBe(failed(before) + 1);
    // A failed run is not a failed workflow task: that one means a bug or non-determinism.
    expect(total(after, 'temporal_workflow_task_execution_failed', ours)).toBe(0);
  });

  it('counts each failed attempt of a store write in temporal_local_activity_execution_failed', async () => {
    // No such request in the worker's database: the run's first write (its timeline note) breaks
    // the foreign key, and Temporal retries it. Store writes run as local activities.
    const missing = String(9_000_000_000_000 + randomBytes(4).readUInt32BE(0));
    const appendTimeline = { ...ours, activity_type: 'appendTimeline', failure_reason: 'ActivityError' };
    const failed = (text: string) => total(text, 'temporal_local_activity_execution_failed', appendTimeline);
    const before = await scrape();
    const handle = await startRun(missing, deep);
    const after = await eventually(async () => {
      const now = await scrape();
      return failed(now) >= failed(before) + 2 ? now : undefined;
    }, 'temporal_local_activity_execution_failed to count two attempts');
    expect(total(after, 'temporal_workflow_failed', ours)).toBe(
      total(before, 'temporal_workflow_failed', ours),
    );
    expect(worker.output.join('\n')).toMatch(/Foreign key constraint violated/i);
    await handle.terminate('worker-metrics test: the write would be retried for ever');
    expect((await handle.describe()).status.name).toBe('TERMINATED');
  });

  it('counts a webhook call that fails in temporal_activity_execution_failed', async () => {
    const callWebhook = { ...ours, activity_type: 'callWebhook' };
    const failed = (text: string) => total(text, 'temporal_activity_execution_failed', callWebhook);
    const before = await scrape();
    const handle = await startRun(await seedRequest(db.prisma, { requestedAt: new Date() }), deep);
    expect(await handle.result()).toMatchObject({ path: ['triage', 'tell-roads', 'done'] });
    const after = await eventually(async () => {
      const now = await scrape();
      return failed(now) > failed(before) ? now : undefined;
    }, 'temporal_activity_execution_failed to rise');
    expect(failed(after)).toBe(failed(before) + 1);
  });
});

/** The worker's metrics in the Prometheus text format. */
async function scrape(): Promise<string> {
  const res = await fetch(`http://${metricsAddress}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
}

/** The sum of `metric`'s samples carrying all of `labels` (0 when there are none). */
function total(text: string, metric: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([name, value]) => `${name}="${value}"`);
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${metric}{`))
    .filter((line) => wanted.every((label) => line.includes(label)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/** A port nothing listens on: bound once by us, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `node --import tsx api/src/worker-main.ts` and resolves once it polls its task queue. */
function startWorker(env: Record<string, string>) {
  return startNodeProcess(
    'the worker process',
    ['--import', 'tsx', 'api/src/worker-main.ts'],
    env,
    '"msg":"worker running"',
  );
}
