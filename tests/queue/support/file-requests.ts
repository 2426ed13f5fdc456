/** Files requests through Open311 (as an app would) and waits for their tasks to reach a queue. */
import { expect } from 'vitest';
import { DEMO_API_KEY, eventually, postForm, type Platform } from '../../support/platform.js';
import type { staffCaller } from '../../support/staff.js';

type Caller = Awaited<ReturnType<typeof staffCaller>>;

export interface Filed {
  id: string;
  description: string;
}

/**
 * A pothole: on a road, depth 6 is inspected first (P3D) and depth 15 goes straight to a crew (P1D);
 * on a park path it goes to the Parks crew.
 */
export async function filePothole(
  platform: Platform,
  at: [number, number],
  description: string,
  depth = 6,
  locationType: 'road' | 'park_path' = 'road',
) {
  return file(platform, [
    ['service_code', 'pothole'],
    ['lat', String(at[0])],
    ['long', String(at[1])],
    ['description', description],
    ['attribute[depth_cm]', String(depth)],
    ['attribute[location_type]', locationType],
  ]);
}

/** A dark streetlight (its repair task has a seven-day SLA). */
export async function fileStreetlight(platform: Platform, at: [number, number], description: string) {
  return file(platform, [
    ['service_code', 'streetlight-out'],
    ['lat', String(at[0])],
    ['long', String(at[1])],
    ['description', description],
    ['attribute[light_state]', 'dark'],
  ]);
}

async function file(platform: Platform, fields: [string, string][]): Promise<Filed> {
  const posted = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
    ['api_key', DEMO_API_KEY],
    ...fields,
  ]);
  expect(posted.status).toBe(200);
  const [answer] = (await posted.json()) as { service_request_id: string }[];
  return { id: answer!.service_request_id, description: fields.find(([k]) => k === 'description')![1] };
}

/** Waits until every filed request has a waiting task in `department`; answers the tasks, by request. */
export async function tasksOf(clerk: Caller, department: string, filed: Filed[]) {
  return eventually(async () => {
    const tasks = await clerk.queue.list({ department, limit: 200 });
    const found = filed.map((f) => tasks.find((t) => t.service_request_id === f.id));
    return found.every(Boolean) ? (found as NonNullable<(typeof found)[number]>[]) : undefined;
  }, `tasks of ${filed.length} requests in the ${department} queue`);
}

/** Walks every page of a queue listing and answers the task ids in page order. */
export async function walkPages(
  clerk: Caller,
  input: Parameters<Caller['queue']['page']>[0],
  between?: (page: number) => Promise<void>,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await clerk.queue.page({ ...input, ...(cursor ? { cursor } : {}) });
    pages++;
    ids.push(...page.tasks.map((t) => t.id));
    if (!page.next) return { ids, pages };
    cursor = page.next;
    if (between) await between(pages);
    if (pages > 500) throw new Error('the queue never ended');
  }
}
