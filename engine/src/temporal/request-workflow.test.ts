import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { potholeRef, potholeWorkflow } from '../fixtures/pothole-workflow.js';
import { buildFacts } from '../rules/index.js';
import { simulatePath } from '../simulate/index.js';
import { completeTask, getRunState, startRequestWorkflow, TaskCompletionRejectedError } from './client.js';
import { InMemoryRequestStore } from './in-memory-request-store.js';
import type { RequestStore } from './request-store.port.js';
import {
  departmentAttribute,
  requestIdAttribute,
  statusAttribute,
  versionAttribute,
} from './search-attributes.js';
import {
  connectHarness,
  quietLogger,
  recordHistory,
  uniqueName,
  waitFor,
  withLostReplies,
  type Harness,
} from './test-harness.js';
import { createWorker, getWorkflowBundle } from './worker.js';
import { workflowIdFor } from './keys.js';
import { requestWorkflow } from './workflows.js';
import { start } from '../core/index.js';

let harness: Harness;
beforeAll(async () => {
  harness = await connectHarness();
  await getWorkflowBundle(quietLogger);
}, 120_000);
afterAll(() => harness?.close());

const deepFacts = buildFacts({ service_code: 'pothole', channel: 'web', attributes: { depth_cm: 12 } });
const shallowFacts = buildFacts({ service_code: 'pothole', channel: 'web', attributes: { depth_cm: 4 } });

/** A fresh request id and task queue, a store, and a started run. */
async function startRun(facts = deepFacts) {
  const requestId = uniqueName('req');
  const taskQueue = uniqueName('engine-test');
  const store = new InMemoryRequestStore();
  const start = () =>
    startRequestWorkflow(harness.client, {
      requestId,
      taskQueue,
      definition: potholeWorkflow,
      ref: potholeRef,
      facts,
    });
  return { requestId, taskQueue, store, start, handle: await start() };
}

const worker = (taskQueue: string, store: RequestStore) =>
  createWorker({ connection: harness.native, taskQueue, store });
/** The task row once the run, too, knows the task is open (a row can exist before its activity reply lands). */
async function openTask(store: InMemoryRequestStore, requestId: string, node: string, visit = 1) {
  const row = await waitFor(
    () => store.tasksOf(requestId).find((t) => t.node === node && t.visit === visit && !t.completed),
    `task at ${node}`,
  );
  for (let tries = 0; tries < 200; tries += 1) {
    const { openTasks } = await getRunState(harness.client, requestId);
    if (openTasks.some((t) => t.taskId === row.taskId)) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The run never opened task ${row.taskId}`);
}

// The root vitest config's timeouts are not inherited by projects (no `extends: true`), so set them here.
describe('requestWorkflow on a real Temporal server', { timeout: 60_000 }, () => {
  it('runs a deep pothole through its task to the end, and replays', async () => {
    const { requestId, taskQueue, store, handle } = await startRun();
    await (
      await worker(taskQueue, store)
    ).runUntil(async () => {
      const task = await openTask(store, requestId, 'urgent-repair');
      expect(task).toMatchObject({
        department: 'streets',
        role: 'crew',
        sla: 'PT8H',
        outcomes: ['repaired', 'needs_inspection'],
        key: `request-${requestId}:urgent-repair:1`,
      });
      const running = await getRunState(harness.client, requestId);
      expect(running).toMatchObject({
        path: ['triage', 'urgent-repair'],
        status: 'open',
        closed: false,
        openTasks: [{ taskId: task.taskId, node: 'urgent-repair' }],
      });

      const next = await completeTask(harness.client, requestId, {
        taskId: task.taskId,
        outcome: 'repaired',
        by: 'crew-7',
      });
      expect(next).toEqual({ status: 'fixed', closed: true, openTasks: [] });
      const result = await handle.result();
      expect(result).toEqual({
        status: 'fixed',
        resolution: 'fixed',
        path: ['triage', 'urgent-repair', 'mark-fixed', 'done'],
      });

      expect(store.statuses).toEqual([
        expect.objectContaining({ status: 'fixed', note: 'The pothole has been repaired.', requestId }),
      ]);
      expect(store.closes).toEqual([
        expect.objectContaining({
          status: 'fixed',
          resolution: 'fixed',
          message: 'Fixed. Thank you for reporting it.',
        }),
      ]);
      expect(store.timeline.map((e) => e.kind)).toEqual([
        'note',
        'decision',
        'task_created',
        'task_completed',
      ]);
      expect(store.tasksOf(requestId)[0]?.completed).toMatchObject({ outcome: 'repaired', by: 'crew-7' });

      const attributes = (await handle.describe()).typedSearchAttributes;
      expect(attributes.get(requestIdAttribute)).toBe(requestId);
      expect(attributes.get(versionAttribute)).toBe(1);
      expect(attributes.get(statusAttribute)).toBe('fixed');
      expect(attributes.get(departmentAttribute)).toBe('streets');

      const simulated = await simulatePath(potholeWorkflow, deepFacts, { 'urgent-repair': 'repaired' });
      expect(simulated.path).toEqual(result.path);

      const history = await handle.fetchHistory();
      await Worker.runReplayHistory(
        { workflowBundle: await getWorkflowBundle() },
        history,
        handle.workflowId,
      );
      await recordHistory('pothole-repair-v1-deep', history);
    });
  });

  it('never starts a second run for the same request, running or closed', async () => {
    const { requestId, taskQueue, store, handle, start } = await startRun(shallowFacts);
    const firstRunId = (await handle.describe()).runId;
    const again = await start();
    expect(again.workflowId).toBe(handle.workflowId);
    expect((await again.describe()).runId).toBe(firstRunId);
    await (
      await worker(taskQueue, store)
    ).runUntil(async () => {
      const task = await openTask(store, requestId, 'inspect');
      await completeTask(harness.client, requestId, { taskId: task.taskId, outcome: 'not_found', by: 'ana' });
      expect(await handle.result()).toMatchObject({ status: 'no_further_action', resolution: 'not_found' });
    });
    const afterClose = await start();
    expect((await afterClose.describe()).runId).toBe(firstRunId);
    expect(store.tasksOf(requestId)).toHaveLength(1);
  });

  it('rejects a bad completion in the validator and keeps the run going', async () => {
    const { requestId, taskQueue, store, handle } = await startRun(shallowFacts);
    await (
      await worker(taskQueue, store)
    ).runUntil(async () => {
      const task = await openTask(store, requestId, 'inspect');
      const bad = completeTask(harness.client, requestId, {
        taskId: task.taskId,
        outcome: 'painted',
        by: 'ana',
      });
      await expect(bad).rejects.toThrow(TaskCompletionRejectedError);
      await expect(bad).rejects.toThrow(
        'Outcome "painted" is not allowed for task "Inspect the site" (inspect); allowed: confirmed, not_found',
      );
      await expect(
        completeTask(harness.client, requestId, { taskId: 'task-0', outcome: 'confirmed', by: 'ana' }),
      ).rejects.toThrow(`Task task-0 is not open in this run; open tasks: ${task.taskId} (inspect)`);
      const history = await handle.fetchHistory();
      expect(history.events?.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
      await completeTask(harness.client, requestId, { taskId: task.taskId, outcome: 'not_found', by: 'ana' });
      expect((await handle.result()).status).toBe('no_further_action');
    });
  });

  it('survives a worker restart while waiting for staff', async () => {
    const { requestId, taskQueue, store, handle } = await startRun();
    const first = await worker(taskQueue, store);
    const task = await first.runUntil(() => openTask(store, requestId, 'urgent-repair'));
    expect(first.getState()).toBe('STOPPED');
    const second = await worker(taskQueue, store);
    await second.runUntil(async () => {
      await completeTask(harness.client, requestId, {
        taskId: task.taskId,
        outcome: 'repaired',
        by: 'crew-7',
      });
      expect((await handle.result()).path).toEqual(['triage', 'urgent-repair', 'mark-fixed', 'done']);
    });
    expect(store.tasksOf(requestId)).toHaveLength(1);
  });

  it('loops back to a task with a new row per visit and never double-writes when replies are lost', async () => {
    const { requestId, taskQueue, store, handle } = await startRun();
    await (
      await worker(taskQueue, withLostReplies(store))
    ).runUntil(async () => {
      const first = await openTask(store, requestId, 'urgent-repair');
      await completeTask(harness.client, requestId, {
        taskId: first.taskId,
        outcome: 'needs_inspection',
        by: 'crew-7',
        values: { note: 'edge crumbling' },
      });
      const inspect = await openTask(store, requestId, 'inspect');
      await completeTask(harness.client, requestId, {
        taskId: inspect.taskId,
        outcome: 'confirmed',
        by: 'ana',
      });
      const second = await openTask(store, requestId, 'urgent-repair', 2);
      expect(second.taskId).not.toBe(first.taskId);
      expect((await getRunState(harness.client, requestId)).variables).toEqual({ note: 'edge crumbling' });
      await completeTask(harness.client, requestId, {
        taskId: second.taskId,
        outcome: 'repaired',
        by: 'crew-7',
      });
      const result = await handle.result();
      const script = { 'urgent-repair': ['needs_inspection', 'repaired'], inspect: 'confirmed' };
      expect(result.path).toEqual((await simulatePath(potholeWorkflow, deepFacts, script)).path);
      await recordHistory('pothole-repair-v1-loop-lost-replies', await handle.fetchHistory());
    });
    expect(store.tasksOf(requestId).map((t) => `${t.node}:${t.visit}`)).toEqual([
      'urgent-repair:1',
      'inspect:1',
      'urgent-repair:2',
    ]);
    expect(store.statuses).toHaveLength(1);
    expect(store.closes).toHaveLength(1);
    const keys = store.timeline.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(store.timeline.filter((e) => e.kind === 'task_completed')).toHaveLength(3);
  });

  it('resumes from carried state, as a continued-as-new run does', async () => {
    const requestId = uniqueName('req');
    const taskQueue = uniqueName('engine-test');
    const store = new InMemoryRequestStore();
    const carried = {
      ...start(potholeWorkflow, potholeRef),
      started: true,
      tokens: [
        { id: 1, node: 'inspect', visit: 1, wait: { on: 'taskCompleted' as const, taskId: 'carried-1' } },
      ],
      visits: { triage: 1, inspect: 1 },
      path: ['triage', 'inspect'],
      seq: 7,
      nextTokenId: 2,
    };
    const handle = await harness.client.workflow.start(requestWorkflow, {
      workflowId: workflowIdFor(requestId),
      taskQueue,
      args: [
        { requestId, definition: potholeWorkflow, ref: potholeRef, facts: shallowFacts, state: carried },
      ],
    });
    await (
      await worker(taskQueue, store)
    ).runUntil(async () => {
      await completeTask(harness.client, requestId, { taskId: 'carried-1', outcome: 'not_found', by: 'ana' });
      expect(await handle.result()).toMatchObject({
        path: ['triage', 'inspect', 'close-not-found'],
        resolution: 'not_found',
      });
    });
    expect(store.timeline.map((e) => e.key)).toEqual([`request-${requestId}:9`]);
  });
});
