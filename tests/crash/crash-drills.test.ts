/**
 * Crash drills: the worker SIGKILLed mid-run, the Temporal server restarted, PostgreSQL stopped while
 * activities run. Afterwards every accepted request must reach the state its path predicts (deep road
 * pothole → 'Urgent repair' → completed 'repaired' → closed/fixed), none lost, nothing written twice.
 *
 * Runs on its own PostgreSQL cluster and file-backed Temporal server (ports CRASH_PGPORT 5499,
 * CRASH_TEMPORAL_PORT 7299), so that other test files on the shared services are not disturbed.
 * CI runs the short form; CRASH_DRILLS=full runs the sizes (200 requests, 30 s outage):
 *   CRASH_DRILLS=full pnpm exec vitest run --project tests crash
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCrashPlatform, type CrashPlatform } from './crash-platform.js';
import {
  completeAll,
  completeTasks,
  countClosed,
  countCompletedTasks,
  countTasks,
  filePotholes,
  waitUntil,
  type Completion,
} from './drill-requests.js';
import { drillOutcome, printOutcome, runsWithRetriedActivities } from './drill-outcome.js';

const full = process.env.CRASH_DRILLS === 'full';
const size = full
  ? { inFlight: 200, waiting: 100, temporalDownMs: 10_000, postgresDownMs: 30_000, drillMs: 900_000 }
  : { inFlight: 60, waiting: 30, temporalDownMs: 2_000, postgresDownMs: 10_000, drillMs: 240_000 };
// Activities cut off by a crash are retried after their 30 s start-to-close timeout: allow for it.
const convergeMs = full ? 600_000 : 150_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The first try's completions by result, e.g. { first_try_failed: 24 }. */
const tally = (results: Completion[]) =>
  Object.fromEntries(
    ['completed', 'already', 'failed'].map((k) => [`first_try_${k}`, results.filter((r) => r === k).length]),
  );

let platform: CrashPlatform;
beforeAll(async () => {
  platform = await startCrashPlatform({
    pgPort: Number(process.env.CRASH_PGPORT ?? 5499),
    temporalPort: Number(process.env.CRASH_TEMPORAL_PORT ?? 7299),
    temporalUiPort: Number(process.env.CRASH_TEMPORAL_UI_PORT ?? 8299),
  });
}, 180_000);
afterAll(async () => platform?.stop(), 120_000);

/**
 * Waits until every request in `ids` is closed, then counts and prints the drill's outcome and checks
 * it; answers how many runs had an activity retried.
 */
async function expectConverged(
  drill: string,
  ids: string[],
  startedAt: number,
  details: Record<string, number | string>,
): Promise<number> {
  await waitUntil(
    async () => (await countClosed(platform, ids)) === ids.length,
    `all ${ids.length} closed`,
    convergeMs,
  ).catch(() => undefined); // the counts below say what did not converge
  const outcome = await drillOutcome(platform, drill, ids, startedAt);
  const retriedRuns = await runsWithRetriedActivities(platform, ids);
  printOutcome(outcome, { ...details, runs_with_retried_activities: retriedRuns });
  expect(outcome).toMatchObject({ accepted: ids.length, expectedState: ids.length, lost: 0, duplicated: 0 });
  return retriedRuns;
}

describe('crash drills', () => {
  it(
    `worker SIGKILLed with ${size.inFlight} requests in flight: a new worker finishes every run`,
    async () => {
      const startedAt = Date.now();
      const before = await platform.app.db.task.count();
      const filing = filePotholes(platform, 'kill', size.inFlight);
      // Kill while the runs are creating their tasks: some exist, most do not yet.
      await waitUntil(
        async () => (await platform.app.db.task.count()) - before >= Math.ceil(size.inFlight / 5),
        'the first tasks',
        120_000,
      );
      await platform.worker!.kill();
      const tasksAtKill = (await platform.app.db.task.count()) - before;
      const ids = await filing;
      expect(tasksAtKill).toBeLessThan(ids.length);
      await platform.startWorker();
      await waitUntil(async () => (await countTasks(platform, ids)) === ids.length, 'every task', convergeMs);
      const resent = await completeAll(platform, ids, convergeMs);
      await expectConverged('worker SIGKILL', ids, startedAt, {
        tasks_at_kill: tasksAtKill,
        completions_resent: resent,
      });
    },
    size.drillMs,
  );

  it(
    'Temporal restarted while runs wait on tasks and completions are in flight: everything completes',
    async () => {
      const startedAt = Date.now();
      const ids = await filePotholes(platform, 'temporal', size.waiting);
      await waitUntil(async () => (await countTasks(platform, ids)) === ids.length, 'every task', convergeMs);
      // Half are being completed when the server stops; the other half wait on their tasks throughout.
      const inFlight = ids.slice(0, ids.length / 2);
      const sending = completeTasks(platform, inFlight);
      await waitUntil(
        async () => (await countClosed(platform, inFlight)) > 0,
        'the first completion',
        60_000,
      );
      const closedAtStop = await countClosed(platform, inFlight);
      await platform.services.stopTemporal();
      await sleep(size.temporalDownMs);
      await platform.services.startTemporal();
      const firstTry = await sending;
      expect(closedAtStop).toBeLessThan(inFlight.length);
      // Then every task is completed: the failed first tries again, and the waiting half.
      const resent = await completeAll(platform, ids, convergeMs);
      await expectConverged('Temporal restart', ids, startedAt, {
        closed_at_stop: closedAtStop,
        ...tally(firstTry),
        completions_resent: resent,
      });
    },
    size.drillMs,
  );

  it(
    `PostgreSQL stopped for ${size.postgresDownMs / 1000} s while activities run: they retry and converge`,
    async () => {
      const startedAt = Date.now();
      const ids = await filePotholes(platform, 'postgres', size.waiting);
      await waitUntil(async () => (await countTasks(platform, ids)) === ids.length, 'every task', convergeMs);
      const sending = completeTasks(platform, ids);
      // Stop as soon as the runs start acting on completions, so that many are mid-activities.
      await waitUntil(
        async () => (await countCompletedTasks(platform, ids)) > 0,
        'the first completed task',
        60_000,
      );
      const closedAtStop = await countClosed(platform, ids);
      await platform.services.stopPostgres();
      await sleep(size.postgresDownMs);
      await platform.services.startPostgres();
      const firstTry = await sending;
      expect(closedAtStop).toBeLessThan(ids.length);
      // Completions the API refused while the database was down are sent again, as a clerk would.
      const resent = await completeAll(platform, ids, convergeMs);
      const retriedRuns = await expectConverged('PostgreSQL outage', ids, startedAt, {
        closed_at_stop: closedAtStop,
        ...tally(firstTry),
        completions_resent: resent,
      });
      // The outage hit activities while they ran (not only the API): their runs needed retries.
      expect(retriedRuns).toBeGreaterThan(0);
    },
    size.drillMs,
  );
});
