import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { potholeRef, potholeWorkflow } from '../fixtures/pothole-workflow.js';
import { buildFacts } from '../rules/index.js';
import {
  completeTask,
  getRunState,
  reopenRequest,
  ReopenRefusedError,
  startRequestWorkflow,
} from './client.js';
import { InMemoryRequestStore } from './in-memory-request-store.js';
import { reopenedWorkflowIdFor } from './keys.js';
import {
  connectHarness,
  quietLogger,
  recordHistory,
  uniqueName,
  waitFor,
  type Harness,
} from './test-harness.js';
import { createWorker, getWorkflowBundle } from './worker.js';

let harness: Harness;
beforeAll(async () => {
  harness = await connectHarness();
  await getWorkflowBundle(quietLogger);
}, 120_000);
afterAll(() => harness?.close());

const definition = { ...potholeWorkflow, reopen: 'inspect' };
const facts = buildFacts({ service_code: 'pothole', attributes: { depth_cm: 12 } });

async function openTask(store: InMemoryRequestStore, requestId: string, node: string, count: number) {
  const row = await waitFor(() => store.tasksOf(requestId).filter((t) => t.node === node)[count - 1], node);
  for (let tries = 0; tries < 200; tries += 1) {
    if ((await getRunState(harness.client, requestId)).openTasks.some((t) => t.taskId === row.taskId))
      return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The run never opened task ${row.taskId}`);
}

describe('reopening a closed request', { timeout: 60_000 }, () => {
  it('starts a linked run at the reopen node, and refuses while it is open', async () => {
    const requestId = uniqueName('req');
    const taskQueue = uniqueName('engine-reopen');
    const store = new InMemoryRequestStore();
    const common = { requestId, taskQueue, definition, ref: potholeRef, facts };
    const first = await startRequestWorkflow(harness.client, common);
    const worker = await createWorker({ connection: harness.native, taskQueue, store });
    await worker.runUntil(async () => {
      const repair = await openTask(store, requestId, 'urgent-repair', 1);
      await completeTask(harness.client, requestId, {
        taskId: repair.taskId,
        outcome: 'repaired',
        by: 'crew',
      });
      await first.result();

      const reopened = await reopenRequest(harness.client, {
        ...common,
        by: 'resident',
        reason: 'Still there',
      });
      expect(reopened.workflowId).toBe(reopenedWorkflowIdFor(requestId, 1));
      const inspect = await openTask(store, requestId, 'inspect', 1);
      expect(inspect.key).toBe(`request-${requestId}-r1:inspect:1`);
      expect(store.reopenings).toEqual([
        expect.objectContaining({
          node: 'inspect',
          reason: 'Still there',
          by: 'resident',
          workflowId: reopened.workflowId,
        }),
      ]);
      expect(await getRunState(harness.client, requestId)).toMatchObject({
        status: 'reopen',
        path: ['inspect'],
      });
      await expect(reopenRequest(harness.client, { ...common, by: 'resident' })).rejects.toThrow(
        ReopenRefusedError,
      );

      await completeTask(harness.client, requestId, {
        taskId: inspect.taskId,
        outcome: 'not_found',
        by: 'ana',
      });
      expect(await reopened.result()).toMatchObject({
        resolution: 'not_found',
        path: ['inspect', 'close-not-found'],
      });
      expect(store.closes).toHaveLength(2);
      await recordHistory('pothole-repair-v1-reopened', await reopened.fetchHistory());
      const second = await reopenRequest(harness.client, { ...common, by: 'staff:ines' });
      expect(second.workflowId).toBe(reopenedWorkflowIdFor(requestId, 2));
      await openTask(store, requestId, 'inspect', 2);
      await second.terminate('test done');
    });
    await expect(
      reopenRequest(harness.client, { ...common, definition: potholeWorkflow, by: 'resident' }),
    ).rejects.toThrow(
      'Workflow pothole-repair has no reopen step; add reopen: <node> to let requests reopen',
    );
  });
});
