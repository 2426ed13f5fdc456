import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { buildFacts } from '../rules/index.js';
import { completeTask } from './client.js';
import { InMemoryRequestStore } from './in-memory-request-store.js';
import { workflowIdFor } from './keys.js';
import { civicDeskSearchAttributes } from './search-attributes.js';
import { quietLogger, quietTemporalLogs, recordHistory, uniqueName, waitFor } from './test-harness.js';
import { createWorker, getWorkflowBundle } from './worker.js';
import type { requestWorkflow } from './workflows.js';

// The time-skipping test server (Temporal's Java test server): timers fire as soon as the test skips time.
const script = fileURLToPath(new URL('../../../scripts/services/temporal.sh', import.meta.url));
const serverPath = execFileSync('bash', [script, 'test-server-path'], { encoding: 'utf8' }).trim();

const calendar = {
  timezone: 'America/Chicago',
  working_days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[],
  hours: { start: '08:00', end: '17:00' },
  holidays: [],
};

const definition: WorkflowDefinition = {
  workflow: 'pothole-sla',
  title: 'Pothole with a business-day SLA',
  services: ['pothole'],
  start: 'inspect',
  nodes: {
    inspect: {
      type: 'task',
      kind: 'work',
      title: 'Inspect the site',
      assign: { department: 'streets', role: 'inspector' },
      sla: { business_days: 3 },
      escalate: [
        {
          after: 'PT0S',
          notify: { template: 'task_overdue', channel: 'email' },
          reassign_to: { department: 'streets', role: 'supervisor' },
        },
        { after: 'P1D', notify: { template: 'task_overdue', channel: 'email' } },
      ],
      outcomes: { done: 'close' },
    },
    close: { type: 'end', resolution: 'fixed', status: 'fixed' },
  },
};

const chicago = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Chicago',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** "Thu 12/10/2026, 10:00" style local time in Chicago, to read the test's expectations easily. */
const local = (ms: number) => chicago.format(ms).replace(/,(?= \d\d\/)/, '');
const hour = 3_600_000;

/** The next Thursday 10:00 in Chicago after `from` (epoch ms). */
function nextThursdayTen(from: number): number {
  let at = Math.ceil(from / hour) * hour;
  while (!/^Thu .* 10:00$/.test(local(at))) at += hour;
  return at;
}

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  quietTemporalLogs();
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: serverPath } },
  });
  // The test server cannot list search attributes, only add them.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      civicDeskSearchAttributes.map((key) => [key.name, key.type === 'INT' ? 3 : 2]),
    ),
  });
  await getWorkflowBundle(quietLogger);
}, 120_000);
afterAll(() => env?.teardown());

describe('SLA escalation in business time, on the time-skipping test server', { timeout: 60_000 }, () => {
  it('escalates "3 business days" after a Thursday task on the Tuesday, skipping the weekend', async () => {
    const thursday = nextThursdayTen(await env.currentTimeMs());
    await env.sleep(thursday - (await env.currentTimeMs()));
    const requestId = uniqueName('req');
    const taskQueue = uniqueName('engine-sla');
    const store = new InMemoryRequestStore();
    const worker = await createWorker({ connection: env.nativeConnection, taskQueue, store });
    const handle = await env.client.workflow.start<typeof requestWorkflow>('requestWorkflow', {
      workflowId: workflowIdFor(requestId),
      taskQueue,
      args: [
        {
          requestId,
          definition,
          ref: { workflow: 'pothole-sla', version: 1, hash: 'sla' },
          facts: buildFacts({ service_code: 'pothole' }),
          calendar,
        },
      ],
    });
    await worker.runUntil(async () => {
      const task = await waitFor(() => store.tasksOf(requestId)[0], 'the task row');
      expect(task.sla).toBe('3 business days');
      // Created Thursday 10:00 → due Tuesday 10:00 (Friday, Monday, Tuesday; not Saturday or Sunday).
      expect(local(Date.parse(task.dueAt!))).toMatch(/^Tue .* 10:00$/);
      const due = Date.parse(task.dueAt!);
      expect(due - thursday).toBeGreaterThanOrEqual(5 * 24 * hour);
      expect(due - thursday).toBeLessThan(5 * 24 * hour + 60_000);
      const escalations = () => store.timeline.filter((entry) => entry.kind === 'escalated');

      // Monday 10:00, one business day before the deadline: nothing yet.
      await env.sleep(due - 24 * hour - (await env.currentTimeMs()));
      expect(escalations()).toEqual([]);

      // Tuesday 10:01: the first level has fired at the deadline, notified and reassigned.
      await env.sleep(due + 60_000 - (await env.currentTimeMs()));
      const first = await waitFor(() => escalations()[0], 'the first escalation');
      expect(local(Date.parse(String(first.data.firedAt)))).toMatch(/^Tue .* 10:00$/);
      expect(first).toMatchObject({
        public: false,
        summary: `Task "Inspect the site" is overdue (due ${task.dueAt}): escalation 1, reassigned to streets (supervisor)`,
        data: { level: 1, dueAt: task.dueAt },
      });
      await waitFor(() => store.reassignments.length === 1, 'the reassignment');
      expect(store.tasksOf(requestId)[0]).toMatchObject({ department: 'streets', role: 'supervisor' });
      expect(store.notifications).toEqual([
        expect.objectContaining({ template: 'task_overdue', data: expect.objectContaining({ level: '1' }) }),
      ]);

      // Wednesday 10:00: the second level, a day after the breach.
      await env.sleep(due + 24 * hour + 60_000 - (await env.currentTimeMs()));
      const second = await waitFor(() => escalations()[1], 'the second escalation');
      expect(local(Date.parse(String(second.data.firedAt)))).toMatch(/^Wed .* 10:00$/);
      expect(escalations()).toHaveLength(2);

      await completeTask(env.client, requestId, { taskId: task.taskId, outcome: 'done', by: 'supervisor-1' });
      expect(await handle.result()).toMatchObject({ status: 'fixed', path: ['inspect', 'close'] });
      await recordHistory('pothole-sla-v1-escalated', await handle.fetchHistory());
    });
  });
});
