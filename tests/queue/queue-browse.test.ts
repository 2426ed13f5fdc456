/**
 * Browsing the staff queue on the real services: filters (status, assignee, service, district, SLA
 * state, age, free text), the three sort orders, keyset pages that neither skip nor repeat a task
 * while new reports keep arriving, facet counts that agree with the pages, the map's points, and
 * department scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../support/platform.js';
import { staffCaller } from '../support/staff.js';
import { filePothole, fileStreetlight, tasksOf, walkPages, type Filed } from './support/file-requests.js';

let platform: Platform;
let sam: Awaited<ReturnType<typeof staffCaller>>;
let pat: Awaited<ReturnType<typeof staffCaller>>;
let samId: string;
const spots: [number, number][] = [
  [39.7817, -89.6501],
  [39.799, -89.644],
  [39.7951, -89.6402],
  [39.75, -89.6],
  [39.788, -89.662],
  [39.772, -89.631],
];
let filed: Filed[] = [];
let tasks: Awaited<ReturnType<typeof tasksOf>> = [];

beforeAll(async () => {
  platform = await startPlatform('queue-browse');
  sam = await staffCaller(platform.app, 'sam@springfield.gov');
  pat = await staffCaller(platform.app, 'pat@springfield.gov');
  samId = (await platform.app.db.staffMember.findFirstOrThrow({ where: { email: 'sam@springfield.gov' } }))
    .id;
  filed = await Promise.all([
    ...spots.map((spot, i) => filePothole(platform, spot, `Pothole ${i} near the Elm Street school`)),
    filePothole(platform, spots[0]!, 'Crater swallowing tyres on Monroe', 15),
    filePothole(platform, spots[3]!, 'Deep hole by the bus stop', 18),
    ...spots.slice(0, 4).map((spot, i) => fileStreetlight(platform, spot, `Streetlight ${i} dark all night`)),
  ]);
  tasks = await tasksOf(sam, 'streets', filed);
}, 120_000);
afterAll(async () => platform?.stop());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('queue.page filters', () => {
  it('selects by service, status and assignee, and each row says what the clerk needs', async () => {
    const potholes = await sam.queue.page({ department: 'streets', service: 'pothole', limit: 100 });
    expect(potholes.tasks.length).toBe(8);
    expect(potholes.tasks.every((t) => t.service_code === 'pothole')).toBe(true);
    const lights = await sam.queue.page({ department: 'streets', service: 'streetlight-out', limit: 100 });
    expect(ids(lights.tasks)).toEqual(ids(tasks.filter((t) => t.service_code === 'streetlight-out')));
    expect(lights.tasks[0]).toMatchObject({
      title: 'Repair the streetlight',
      service_name: 'Streetlight out',
      status: 'open',
      assignee_name: null,
    });
    expect(lights.tasks[0]!.lat).toEqual(expect.any(Number));

    const mineBefore = await sam.queue.page({ department: 'streets', assignee: 'mine' });
    expect(mineBefore.tasks).toEqual([]);
    const target = tasks[2]!;
    await sam.queue.claim({ taskId: target.id, version: target.version });
    const mine = await sam.queue.page({ department: 'streets', assignee: 'mine' });
    expect(mine.tasks.map((t) => [t.id, t.assignee_id, t.assignee_name])).toEqual([
      [target.id, samId, 'Sam Streets'],
    ]);
    const claimed = await sam.queue.page({ department: 'streets', status: 'claimed' });
    expect(claimed.tasks.map((t) => t.id)).toEqual([target.id]);
    const unassigned = await sam.queue.page({ department: 'streets', assignee: 'unassigned', limit: 100 });
    expect(unassigned.tasks.map((t) => t.id)).not.toContain(target.id);
    expect(unassigned.tasks.length).toBe(tasks.length - 1);
    await sam.queue.unclaim({ taskId: target.id, version: target.version + 1 });
  });

  it('finds a request by its number, or by words of its description, case-insensitively', async () => {
    const crater = filed.find((f) => f.description.startsWith('Crater'))!;
    for (const search of [crater.id, `#${crater.id}`, 'CRATER swallowing']) {
      const found = await sam.queue.page({ department: 'streets', search });
      expect(found.tasks.map((t) => t.service_request_id)).toEqual([crater.id]);
    }
    const school = await sam.queue.page({ department: 'streets', search: 'elm street', limit: 100 });
    expect(school.tasks).toHaveLength(6);
    expect((await sam.queue.page({ department: 'streets', search: '100%_' })).tasks).toEqual([]);
  });

  it('judges SLA states and ages as of one instant', async () => {
    const urgent = tasks.find((t) => t.title === 'Urgent repair')!;
    const dueAt = new Date(urgent.due_at!);
    const hourBefore = new Date(dueAt.getTime() - 3_600_000).toISOString();
    const dueSoon = await sam.queue.page({ department: 'streets', sla: 'due_soon', asOf: hourBefore });
    expect(dueSoon.tasks.map((t) => t.title)).toContain('Urgent repair');
    expect(dueSoon.tasks.every((t) => t.sla_state === 'due_soon')).toBe(true);
    expect(dueSoon.tasks.some((t) => t.service_code === 'streetlight-out')).toBe(false);

    const now = await sam.queue.page({ department: 'streets', sla: 'overdue' });
    expect(now.tasks).toEqual([]);
    const yearLater = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const later = await sam.queue.page({
      department: 'streets',
      sla: 'overdue',
      asOf: yearLater,
      limit: 100,
    });
    expect(later.tasks).toHaveLength(tasks.length);
    expect(later.as_of).toBe(yearLater);

    expect((await sam.queue.page({ department: 'streets', age: 'day', limit: 100 })).tasks).toHaveLength(
      tasks.length,
    );
    expect((await sam.queue.page({ department: 'streets', age: 'older', limit: 100 })).tasks).toEqual([]);
    const monthLater = new Date(Date.now() + 10 * 86_400_000).toISOString();
    expect(
      (await sam.queue.page({ department: 'streets', age: 'month', asOf: monthLater, limit: 100 })).tasks,
    ).toHaveLength(tasks.length);
  });

  it('filters by district, and the facet counts agree with what the pages show', async () => {
    const facets = await sam.queue.facets({ department: 'streets' });
    expect(facets.total).toBe(tasks.length);
    expect(facets.services).toEqual([
      { code: 'pothole', name: 'Pothole', count: 8 },
      { code: 'streetlight-out', name: 'Streetlight out', count: 4 },
    ]);
    expect(facets.status).toEqual({ open: tasks.length });
    expect(facets.assignee).toEqual({ unassigned: tasks.length });
    const located = facets.districts.filter((d) => d.count > 0);
    expect(located.length).toBeGreaterThan(1);
    for (const district of located) {
      const page = await sam.queue.page({ department: 'streets', district: district.code, limit: 100 });
      expect(page.tasks).toHaveLength(district.count);
      expect(page.tasks.every((t) => t.district === district.code)).toBe(true);
    }

    // A facet's own filter does not narrow its own counts; the others do.
    const lights = await sam.queue.facets({ department: 'streets', service: 'streetlight-out' });
    expect(lights.total).toBe(4);
    expect(lights.services.map((s) => s.count)).toEqual([8, 4]);
    expect(Object.values(lights.sla).reduce((a, b) => a + b, 0)).toBe(4);
    const searched = await sam.queue.facets({ department: 'streets', search: 'streetlight' });
    expect(searched.total).toBe(4);
  });

  it('keeps each clerk to their own department and refuses a cursor of another order', async () => {
    await expect(pat.queue.page({ department: 'streets' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(pat.queue.facets({ department: 'streets' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(pat.queue.map({ department: 'streets' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sam.queue.page({ department: 'harbour' })).rejects.toThrow(/^department: there is no/);
    await expect(sam.queue.page({ department: 'streets', service: 'lasers' })).rejects.toThrow(/^service:/);
    const first = await sam.queue.page({ department: 'streets', sort: 'age', limit: 2 });
    await expect(
      sam.queue.page({ department: 'streets', sort: 'due', limit: 2, cursor: first.next! }),
    ).rejects.toThrow(/^cursor: this cursor belongs to the 'age' order/);
    await expect(sam.queue.page({ department: 'streets', cursor: 'garbage' })).rejects.toThrow(/^cursor:/);
  });
});

describe('queue.page keyset paging', () => {
  it.each(['due', 'age', 'service'] as const)(
    'orders by %s and never skips or repeats a task while new reports arrive',
    async (sort) => {
      const before = await walkPages(sam, { department: 'streets', sort, limit: 100 });
      const arriving: Filed[] = [];
      const arrivedTasks: string[] = [];
      const walked = await walkPages(sam, { department: 'streets', sort, limit: 3 }, async (page) => {
        if (page <= 3) {
          // A new report arrives (its task in the queue) between two pages.
          const spot = spots[page % spots.length]!;
          const report = page % 2 ? fileStreetlight : filePothole;
          const arrived = await report(platform, spot, `Arrived while paging (${sort})`);
          arrivedTasks.push(...(await tasksOf(sam, 'streets', [arrived])).map((t) => t.id));
          arriving.push(arrived);
        }
      });
      expect(arriving).toHaveLength(3);
      expect(walked.pages).toBeGreaterThan(4);
      expect(new Set(walked.ids).size).toBe(walked.ids.length);
      for (const id of before.ids) expect(walked.ids).toContain(id);
      // Among the tasks that were there all along, the pages keep the one-page order.
      expect(walked.ids.filter((id) => before.ids.includes(id))).toEqual(before.ids);
      const rows = (await sam.queue.page({ department: 'streets', sort, limit: 100 })).tasks;
      if (sort === 'age') {
        // Oldest first: what arrives lands after the cursor, so the same walk still shows it.
        for (const id of arrivedTasks) expect(walked.ids).toContain(id);
        const times = rows.map((t) => t.created_at);
        expect(times).toEqual([...times].sort());
      }
      if (sort === 'due') {
        // Every task of these workflows has an SLA, so every one is dated.
        const dated = rows.map((t) => t.due_at ?? 'none');
        expect(dated).toEqual([...dated].sort());
      }
      if (sort === 'service') {
        const names = rows.map((t) => t.service_name);
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      }
    },
    60_000,
  );
});

describe('queue.map', () => {
  it('answers the located tasks the filters select, with their SLA state', async () => {
    const all = await sam.queue.map({ department: 'streets' });
    const listed = await sam.queue.page({ department: 'streets', limit: 100 });
    expect(all.truncated).toBe(false);
    expect(all.points.map((p) => p.id).sort()).toEqual(ids(listed.tasks));
    for (const point of all.points) {
      expect(point.lat).toBeGreaterThan(39.7);
      expect(point.long).toBeLessThan(-89.5);
      expect(['overdue', 'due_soon', 'on_time', 'none']).toContain(point.sla_state);
    }
    const lights = await sam.queue.map({ department: 'streets', service: 'streetlight-out', limit: 2 });
    expect(lights.points).toHaveLength(2);
    expect(lights.truncated).toBe(true);
    expect(lights.points.every((p) => p.service_name === 'Streetlight out')).toBe(true);
  });
});
