import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowRef, flowWorkflow } from '../fixtures/flow-workflow.js';
import { buildFacts } from '../rules/index.js';
import { completeTask, getRunState, ResidentReplyRejectedError, sendResidentReply } from './client.js';
import { InMemoryRequestStore } from './in-memory-request-store.js';
import { workflowIdFor } from './keys.js';
import {
  connectHarness,
  quietLogger,
  recordHistory,
  uniqueName,
  waitFor,
  type Harness,
} from './test-harness.js';
import { createWorker, getWorkflowBundle } from './worker.js';
import type { requestWorkflow } from './workflows.js';

let harness: Harness;
beforeAll(async () => {
  harness = await connectHarness();
  await getWorkflowBundle(quietLogger);
}, 120_000);
afterAll(() => harness?.close());

const facts = buildFacts({ service_code: 'tree', attributes: {} });

async function run(mode: 'all' | 'first', replyTimeout = 'P7D', continueAsNewAfter?: number) {
  const requestId = uniqueName('req');
  const taskQueue = uniqueName('engine-flow');
  const store = new InMemoryRequestStore();
  const definition = flowWorkflow(mode, replyTimeout);
  const handle = await harness.client.workflow.start<typeof requestWorkflow>('requestWorkflow', {
    workflowId: workflowIdFor(requestId),
    taskQueue,
    args: [
      { requestId, definition, ref: flowRef, facts, ...(continueAsNewAfter ? { continueAsNewAfter } : {}) },
    ],
  });
  const worker = await createWorker({ connection: harness.native, taskQueue, store });
  return { requestId, store, handle, worker, taskQueue, definition };
}

async function openTask(store: InMemoryRequestStore, requestId: string, node: string) {
  const row = await waitFor(() => store.tasksOf(requestId).find((t) => t.node === node), `task at ${node}`);
  for (let tries = 0; tries < 200; tries += 1) {
    const { openTasks } = await getRunState(harness.client, requestId);
    if (openTasks.some((t) => t.taskId === row.taskId)) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The run never opened task ${row.taskId}`);
}

async function untilWaitingForReply(requestId: string) {
  for (let tries = 0; tries < 200; tries += 1) {
    if ((await getRunState(harness.client, requestId)).waitingForReply) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The run never waited for the reply');
}

describe(
  'waits, replies, parallel branches and continue-as-new on a real Temporal server',
  { timeout: 60_000 },
  () => {
    it('resumes on the resident reply, waits out a timer, forks two tasks and joins them all', async () => {
      const { requestId, store, handle, worker } = await run('all');
      await worker.runUntil(async () => {
        await untilWaitingForReply(requestId);
        const reply = await sendResidentReply(harness.client, requestId, {
          text: 'It is the oak by the gate.',
          media_url: 'https://example.org/oak.jpg',
        });
        expect(reply).toEqual({ resumed: true, status: 'open', closed: false });
        const cut = await openTask(store, requestId, 'cut');
        const permit = await openTask(store, requestId, 'permit');
        expect(permit.kind).toBe('approve');
        const again = await sendResidentReply(harness.client, requestId, { text: 'Any news?' });
        expect(again.resumed).toBe(false);
        const half = await completeTask(harness.client, requestId, {
          taskId: cut.taskId,
          outcome: 'done',
          by: 'crew',
        });
        expect(half).toMatchObject({ closed: false, openTasks: [{ node: 'permit' }] });
        await completeTask(harness.client, requestId, {
          taskId: permit.taskId,
          outcome: 'approved',
          by: 'boss',
        });
        const result = await handle.result();
        expect(result).toEqual({
          status: 'fixed',
          resolution: 'done',
          path: ['ask', 'cool-off', 'split', 'cut', 'permit', 'meet', 'meet', 'done'],
        });
        const replies = store.timeline.filter((e) => e.actor.type === 'resident');
        expect(replies.map((e) => [e.summary, e.public, e.data])).toEqual([
          ['It is the oak by the gate.', true, { reply: true, mediaUrl: 'https://example.org/oak.jpg' }],
          ['Any news?', true, { reply: true }],
        ]);
        await expect(sendResidentReply(harness.client, requestId, { text: 'Thanks' })).rejects.toThrow(
          new ResidentReplyRejectedError(
            `Request ${requestId} has no running workflow (it is closed, or was never started); reopen it to reply`,
          ),
        );
        await recordHistory('tree-work-v1-reply-parallel', await handle.fetchHistory());
      });
    });

    it('join first cancels the slower branch task', async () => {
      const { requestId, store, handle, worker } = await run('first');
      await worker.runUntil(async () => {
        await untilWaitingForReply(requestId);
        await sendResidentReply(harness.client, requestId, { text: 'Oak.' });
        const cut = await openTask(store, requestId, 'cut');
        const permit = await openTask(store, requestId, 'permit');
        await completeTask(harness.client, requestId, { taskId: cut.taskId, outcome: 'done', by: 'crew' });
        expect((await handle.result()).path.slice(-2)).toEqual(['meet', 'done']);
        expect(store.tasksOf(requestId).find((t) => t.taskId === permit.taskId)?.cancelled).toBe(true);
      });
    });

    it('continues as new for real while a timer is pending, and the carried timer still fires', async () => {
      const { requestId, store, handle, worker } = await run('all', 'PT3S', 8);
      const firstRunId = (await handle.describe()).runId;
      await worker.runUntil(async () => {
        // The run writes through local activities, so it is waiting after one workflow task. The run
        // checks its history length when it next wakes — in service a completion or a reply wakes it;
        // here a signal with no handler does, without changing the path.
        await untilWaitingForReply(requestId);
        await handle.signal('wake');
        const result = await handle.result();
        expect(result).toEqual({
          status: 'no_further_action',
          resolution: 'no_answer',
          path: ['ask', 'no-answer'],
        });
      });
      const latest = harness.client.workflow.getHandle(workflowIdFor(requestId));
      const { runId } = await latest.describe();
      expect(runId).not.toBe(firstRunId);
      const history = await harness.client.workflow
        .getHandle(workflowIdFor(requestId), firstRunId)
        .fetchHistory();
      expect(history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId).toBe(
        runId,
      );
      expect(store.timeline.map((e) => e.summary)).toEqual([
        'Workflow tree-work v1 started',
        "Waiting for the resident's reply (up to PT3S)",
        'No reply from the resident within PT3S; next no-answer',
      ]);
      expect(store.closes).toHaveLength(1);
    });
  },
);
