import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsRef, actionsWorkflow } from '../fixtures/actions-workflow.js';
import { buildFacts } from '../rules/index.js';
import { completeTask, getRunState, startRequestWorkflow, TaskCompletionRejectedError } from './client.js';
import { InMemoryRequestStore } from './in-memory-request-store.js';
import { departmentAttribute } from './search-attributes.js';
import {
  connectHarness,
  quietLogger,
  recordHistory,
  uniqueName,
  waitFor,
  type Harness,
} from './test-harness.js';
import { createWorker, getWorkflowBundle } from './worker.js';

/** A real local HTTP server standing in for another city system; `mode` says how /book answers. */
let mode: 'ok' | 'fail' = 'ok';
const calls: { method: string; body: unknown; key: string | undefined }[] = [];
let server: Server;
let baseUrl: string;
let harness: Harness;

const readBody = async (request: IncomingMessage) => {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text ? (JSON.parse(text) as unknown) : null;
};

beforeAll(async () => {
  server = createServer(async (request, response) => {
    calls.push({
      method: request.method ?? '',
      body: await readBody(request),
      key: request.headers['idempotency-key'] as string | undefined,
    });
    if (mode === 'ok') {
      response.writeHead(201, { 'content-type': 'application/json' }).end('{"booking":"B-17"}');
    } else if (calls.length === 1) {
      response.writeHead(503).end('busy');
    } // otherwise never answer: the attempt times out.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  harness = await connectHarness();
  await getWorkflowBundle(quietLogger);
}, 120_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await harness?.close();
});

async function run(item: string) {
  calls.length = 0;
  const requestId = uniqueName('req');
  const taskQueue = uniqueName('engine-actions');
  const store = new InMemoryRequestStore();
  const handle = await startRequestWorkflow(harness.client, {
    requestId,
    taskQueue,
    definition: actionsWorkflow(baseUrl),
    ref: actionsRef,
    facts: buildFacts({ service_code: 'bulky-items', attributes: { item } }),
  });
  const worker = await createWorker({ connection: harness.native, taskQueue, store });
  return { requestId, store, handle, worker };
}

async function openTaskAt(store: InMemoryRequestStore, requestId: string, node: string) {
  const row = await waitFor(() => store.tasksOf(requestId).find((t) => t.node === node), `task at ${node}`);
  for (let tries = 0; tries < 200; tries += 1) {
    const { openTasks } = await getRunState(harness.client, requestId);
    if (openTasks.some((t) => t.taskId === row.taskId)) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The run never opened task ${row.taskId}`);
}

describe('action kinds, forms and answers on a real Temporal server', { timeout: 60_000 }, () => {
  it('notifies, sets a variable, calls the webhook, transfers, assigns by rule and publishes the answer', async () => {
    mode = 'ok';
    const { requestId, store, handle, worker } = await run('fridge');
    await worker.runUntil(async () => {
      const task = await openTaskAt(store, requestId, 'check');
      expect(task).toMatchObject({ kind: 'answer', department: 'sanitation', role: 'crew-lead' });
      expect(task.form.map((f) => f.name)).toEqual(['day', 'items', 'needs_truck', 'original']);
      expect(calls).toEqual([
        {
          method: 'POST',
          body: { item: 'fridge', label: 'Pickup of fridge' },
          key: expect.stringMatching(new RegExp(`^request-${requestId}:\\d+$`)),
        },
      ]);
      expect(store.notifications).toEqual([
        expect.objectContaining({
          template: 'request_received',
          channel: 'email',
          data: { item: 'fridge', service: 'bulky-items' },
        }),
      ]);
      expect(store.transfers).toEqual([expect.objectContaining({ department: 'sanitation', node: 'move' })]);
      expect((await handle.describe()).typedSearchAttributes.get(departmentAttribute)).toBe('sanitation');

      await expect(
        completeTask(harness.client, requestId, {
          taskId: task.taskId,
          outcome: 'scheduled',
          by: 'sol',
          values: { day: 'sunday' },
        }),
      ).rejects.toThrow(
        new TaskCompletionRejectedError(
          'Task "Confirm the pickup day" (check): "day" (Pickup day) must be one of monday, thursday, not "sunday"; fill in "items"',
        ),
      );
      const next = await completeTask(harness.client, requestId, {
        taskId: task.taskId,
        outcome: 'scheduled',
        by: 'sol',
        note: 'We will collect it on Monday morning.',
        values: { day: 'monday', items: 1, needs_truck: true },
      });
      expect(next).toMatchObject({ closed: true, status: 'closed' });
      const result = await handle.result();
      expect(result.path).toEqual(['greet', 'label', 'book', 'move', 'check', 'route', 'done']);
      expect(store.answers).toEqual([
        expect.objectContaining({
          text: 'We will collect it on Monday morning.',
          by: 'sol',
          taskId: task.taskId,
        }),
      ]);
      expect(store.notifications.map((n) => [n.template, n.data])).toEqual([
        ['request_received', { item: 'fridge', service: 'bulky-items' }],
        ['request_answered', { answer: 'We will collect it on Monday morning.' }],
      ]);
      const state = await getRunState(harness.client, requestId);
      expect(state.variables).toMatchObject({
        label: 'Pickup of fridge',
        booking: { booking: 'B-17' },
        day: 'monday',
        items: 1,
        needs_truck: true,
      });
      await recordHistory('bulky-items-v1-actions', await handle.fetchHistory());
    });
  });

  it('takes on_failure when the webhook answers 503 and then times out, after its retries', async () => {
    mode = 'fail';
    const { requestId, store, handle, worker } = await run('sofa');
    await worker.runUntil(async () => {
      const task = await openTaskAt(store, requestId, 'book-by-hand');
      expect(calls).toHaveLength(2);
      expect(calls[0]?.key).toBe(calls[1]?.key);
      expect(store.timeline.find((e) => e.node === 'book')).toMatchObject({
        public: false,
        summary: `book failed: POST ${baseUrl}book timed out after PT2S; next book-by-hand`,
      });
      await completeTask(harness.client, requestId, { taskId: task.taskId, outcome: 'booked', by: 'sol' });
      const check = await openTaskAt(store, requestId, 'check');
      expect(check.role).toBe('dispatcher');
      await completeTask(harness.client, requestId, {
        taskId: check.taskId,
        outcome: 'duplicate',
        by: 'sol',
        values: { day: 'thursday', items: 2, original: '4242' },
      });
      expect((await handle.result()).path.slice(-2)).toEqual(['link', 'close-duplicate']);
      expect(store.duplicates).toEqual([expect.objectContaining({ duplicateOf: '4242', node: 'link' })]);
      expect(store.answers).toEqual([]);
      await recordHistory('bulky-items-v1-webhook-failed', await handle.fetchHistory());
    });
  });
});
