import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { potholeRef, potholeWorkflow } from '../fixtures/pothole-workflow.js';
import { buildFacts } from '../rules/index.js';
import { completeTask, getRunState, startRequestWorkflow } from './client.js';
import { InMemoryRequestStore } from './in-memory-request-store.js';
import { departmentAttribute, statusAttribute, versionAttribute } from './search-attributes.js';
import { connectHarness, quietLogger, uniqueName, waitFor, type Harness } from './test-harness.js';
import { createWorker, getWorkflowBundle } from './worker.js';

let harness: Harness;
beforeAll(async () => {
  harness = await connectHarness();
  await getWorkflowBundle(quietLogger);
}, 120_000);
afterAll(() => harness?.close());

/** Version 2: a found pothole now goes to Parks for a second look before it is repaired. */
const v2: WorkflowDefinition = {
  ...potholeWorkflow,
  nodes: {
    ...potholeWorkflow.nodes,
    inspect: {
      type: 'task',
      kind: 'work',
      title: 'Inspect the site (v2)',
      assign: { department: 'parks', role: 'ranger' },
      outcomes: { confirmed: 'mark-fixed', not_found: 'close-not-found' },
    },
  },
};
const v2Ref = { workflow: 'pothole-repair', version: 2, hash: 'sha256:test-pothole-v2' };
const shallow = buildFacts({ service_code: 'pothole', attributes: { depth_cm: 3 } });

describe('published versions', { timeout: 60_000 }, () => {
  it('a run started on v1 finishes on v1 after v2 is published, while new runs use v2', async () => {
    const taskQueue = uniqueName('engine-versions');
    const store = new InMemoryRequestStore();
    const start = (definition: WorkflowDefinition, ref: typeof potholeRef) =>
      startRequestWorkflow(harness.client, {
        requestId: uniqueName('req'),
        taskQueue,
        definition,
        ref,
        facts: shallow,
      });
    const worker = await createWorker({ connection: harness.native, taskQueue, store });
    await worker.runUntil(async () => {
      const old = await start(potholeWorkflow, potholeRef);
      const oldId = old.workflowId.replace(/^request-/, '');
      const oldTask = await waitFor(() => store.tasksOf(oldId)[0], 'the v1 task');
      // v2 is published now; the v1 run keeps its definition (it travels in the run's input).
      const fresh = await start(v2, v2Ref);
      const freshId = fresh.workflowId.replace(/^request-/, '');
      const freshTask = await waitFor(() => store.tasksOf(freshId)[0], 'the v2 task');
      expect([oldTask.title, oldTask.department]).toEqual(['Inspect the site', 'streets']);
      expect([freshTask.title, freshTask.department]).toEqual(['Inspect the site (v2)', 'parks']);
      const complete = async (id: string, taskId: string, outcome: string) => {
        for (let tries = 0; tries < 200; tries += 1) {
          const { openTasks } = await getRunState(harness.client, id);
          if (openTasks.some((t) => t.taskId === taskId)) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return completeTask(harness.client, id, { taskId, outcome, by: 'staff' });
      };
      await complete(oldId, oldTask.taskId, 'confirmed');
      await complete(freshId, freshTask.taskId, 'confirmed');
      expect(await fresh.result()).toMatchObject({
        path: ['triage', 'inspect', 'mark-fixed', 'done'],
        status: 'fixed',
      });
      const repair = await waitFor(() => store.tasksOf(oldId)[1], 'the v1 repair task');
      expect(repair.node).toBe('urgent-repair');
      expect((await old.describe()).typedSearchAttributes.get(statusAttribute)).toBe('open');
      await complete(oldId, repair.taskId, 'repaired');
      expect((await old.result()).path).toEqual(['triage', 'inspect', 'urgent-repair', 'mark-fixed', 'done']);
      const oldAttributes = (await old.describe()).typedSearchAttributes;
      const freshAttributes = (await fresh.describe()).typedSearchAttributes;
      expect([
        oldAttributes.get(versionAttribute),
        oldAttributes.get(statusAttribute),
        oldAttributes.get(departmentAttribute),
      ]).toEqual([1, 'fixed', 'streets']);
      expect([
        freshAttributes.get(versionAttribute),
        freshAttributes.get(statusAttribute),
        freshAttributes.get(departmentAttribute),
      ]).toEqual([2, 'fixed', 'parks']);
    });
  });
});
