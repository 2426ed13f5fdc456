/**
 * What every drill does to the platform: file deep potholes on roads through Open311 (the workflow
 * sends each to an 'Urgent repair' task in Streets), wait for their tasks, and complete them through
 * the staff queue (tRPC) with the outcome 'repaired', which closes each request as fixed.
 */
import { DEMO_API_KEY, postForm } from '../support/platform.js';
import { staffCaller } from '../support/staff.js';
import type { CrashPlatform } from './crash-platform.js';
import { sendArrival, type Arrival } from './steady-load.js';

/** Runs `job` over `items` with at most `limit` at a time; answers the results in order. */
export async function inParallel<T, R>(
  items: T[],
  limit: number,
  job: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** The Open311 form of one deep road pothole (the run sends it to 'Urgent repair'), placed by `i`. */
export function potholeFields(description: string, i: number): [string, string][] {
  return [
    ['api_key', DEMO_API_KEY],
    ['service_code', 'pothole'],
    ['lat', (39.76 + (i % 20) * 0.002).toFixed(4)],
    ['long', (-89.68 + (Math.floor(i / 20) % 10) * 0.003).toFixed(4)],
    ['description', description],
    ['attribute[depth_cm]', String(10 + (i % 15))],
    ['attribute[location_type]', 'road'],
  ];
}

/** The request id in an Open311 POST answer. */
export const open311RequestId = (body: unknown) => {
  const id = (body as { service_request_id?: unknown }[])[0]?.service_request_id;
  if (typeof id !== 'string') throw new Error(`no service_request_id in ${JSON.stringify(body)}`);
  return id;
};

/** Files `count` deep road potholes spread over Springfield; answers the accepted request ids. */
export async function filePotholes(platform: CrashPlatform, drill: string, count: number): Promise<string[]> {
  const ids = await inParallel([...Array(count).keys()], 8, async (i) => {
    const posted = await postForm(
      platform.baseUrl,
      '/open311/v2/requests.json',
      potholeFields(`Crash drill ${drill}, pothole ${i + 1}`, i),
    );
    if (posted.status !== 200)
      throw new Error(`POST ${i + 1} answered ${posted.status}: ${await posted.text()}`);
    return open311RequestId(await posted.json());
  });
  return ids;
}

/** A steady-load arrival: one resident reporting a deep road pothole through Open311. */
export function reportPothole(platform: CrashPlatform, drill: string) {
  return (n: number): Promise<Arrival> => {
    const description = `Steady load ${drill}, resident ${n + 1}`;
    return sendArrival(
      description,
      (signal) =>
        fetch(`${platform.baseUrl}/open311/v2/requests.json`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(potholeFields(description, n)).toString(),
          signal,
        }),
      open311RequestId,
    );
  };
}

/** How many of `ids` have a task row (in any state). */
export async function countTasks(platform: CrashPlatform, ids: string[]): Promise<number> {
  return platform.app.db.task.count({ where: { requestId: { in: ids.map(BigInt) } } });
}

/** How many of `ids` have their task marked completed by the run. */
export async function countCompletedTasks(platform: CrashPlatform, ids: string[]): Promise<number> {
  return platform.app.db.task.count({ where: { requestId: { in: ids.map(BigInt) }, status: 'completed' } });
}

/** How many of `ids` are closed. */
export async function countClosed(platform: CrashPlatform, ids: string[]): Promise<number> {
  return platform.app.db.serviceRequest.count({ where: { id: { in: ids.map(BigInt) }, status: 'closed' } });
}

/** Polls until `probe` is true, or fails naming `what` after `timeoutMs`. */
export async function waitUntil(
  probe: () => Promise<boolean>,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type Completion = 'completed' | 'already' | 'failed';

/**
 * Completes the open task of each request in `ids` through the staff queue, as Sam of Streets.
 * 'already': the queue or the run says it is done (a completion sent before a crash went through);
 * 'failed': the call failed for another reason (a service was down) and may be sent again.
 */
export async function completeTasks(platform: CrashPlatform, ids: string[]): Promise<Completion[]> {
  const sam = await staffCaller(platform.app, 'sam@springfield.gov');
  const tasks = await platform.app.db.task.findMany({
    where: { requestId: { in: ids.map(BigInt) }, nodeId: 'urgent-repair' },
  });
  const taskOf = new Map(tasks.map((t) => [t.requestId.toString(), t]));
  return inParallel(ids, 8, async (id): Promise<Completion> => {
    const task = taskOf.get(id);
    if (!task) return 'failed';
    if (task.status === 'completed') return 'already';
    try {
      await sam.queue.complete({ taskId: task.id, outcome: 'repaired' });
      return 'completed';
    } catch (error) {
      // tRPC's CONFLICT: the task is already completed (queue) or no longer open (the run).
      return (error as { code?: unknown }).code === 'CONFLICT' ? 'already' : 'failed';
    }
  });
}

/** Sends completions again until every request in `ids` has been completed (or was already). */
export async function completeAll(
  platform: CrashPlatform,
  ids: string[],
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let pending = ids;
  let retried = 0;
  for (;;) {
    const results = await completeTasks(platform, pending);
    pending = pending.filter((_, i) => results[i] === 'failed');
    if (pending.length === 0) return retried;
    retried += pending.length;
    if (Date.now() > deadline)
      throw new Error(`${pending.length} completions still failing after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
