import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkflowYaml } from '@civicdesk/schemas';
import { buildFacts } from '../rules/index.js';
import { simulatePath } from '../simulate/index.js';
import { completeTask, getRunState, startRequestWorkflow } from './client.js';
import { InMemoryRequestStore } from './in-memory-request-store.js';
import { connectHarness, quietLogger, recordHistory, uniqueName, type Harness } from './test-harness.js';
import { createWorker, getWorkflowBundle } from './worker.js';

// Every example workflow of the demo city runs to its end on the real server, taking each task's first
// outcome, and matches the simulator; RECORD_HISTORIES=1 records the histories replay.test.ts replays.
const dir = new URL('../../../examples/springfield/workflows/', import.meta.url);
const files = readdirSync(dir).filter((file) => file.endsWith('.yaml'));

let harness: Harness;
beforeAll(async () => {
  harness = await connectHarness();
  await getWorkflowBundle(quietLogger);
}, 120_000);
afterAll(() => harness?.close());

describe('the Springfield example workflows on a real Temporal server', { timeout: 60_000 }, () => {
  it.each(files)('%s runs to its end', async (file) => {
    const { definition, errors } = parseWorkflowYaml(readFileSync(new URL(file, dir), 'utf8'));
    expect(errors).toEqual([]);
    const workflow = definition!;
    const requestId = uniqueName('req');
    const taskQueue = uniqueName('engine-examples');
    const store = new InMemoryRequestStore();
    const facts = buildFacts({ service_code: workflow.services[0] ?? 'unknown', attributes: {} });
    const handle = await startRequestWorkflow(harness.client, {
      requestId,
      taskQueue,
      definition: workflow,
      ref: { workflow: workflow.workflow, version: 1, hash: 'example' },
      facts,
    });
    const outcomes: Record<string, string[]> = {};
    const worker = await createWorker({ connection: harness.native, taskQueue, store });
    await worker.runUntil(async () => {
      for (let done = 0; done < 20; done += 1) {
        const state = await getRunState(harness.client, requestId);
        if (state.closed) break;
        const task = state.openTasks[0];
        if (!task) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        const outcome = task.outcomes[0]!;
        (outcomes[task.node] ??= []).push(outcome);
        await completeTask(harness.client, requestId, {
          taskId: task.taskId,
          outcome,
          by: 'example',
          ...(task.kind === 'answer' ? { note: 'Here is the answer.' } : {}),
        });
      }
      const result = await handle.result();
      const simulated = await simulatePath(workflow, facts, outcomes);
      expect(result.path).toEqual(simulated.path);
      expect(store.closes).toHaveLength(1);
      await recordHistory(`example-${workflow.workflow}`, await handle.fetchHistory());
    });
  });
});
