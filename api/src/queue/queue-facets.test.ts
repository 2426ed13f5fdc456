import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { FACETS, type Facet } from './queue-conditions.js';
import { queueFacetCounts, selectionOf, type FacetCounts } from './queue-facets.js';
import { queueFilters, type QueueFilters, type QueueScope } from './queue-filters.js';
import { ageBucketAt, slaStateAt } from './sla-window.js';

const asOf = new Date('2026-12-04T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let db: TestDatabase;
const ids = { department: '', other: '', me: '', colleague: '', pothole: '', graffiti: '' };
/** Each seeded waiting task with its facet values and the words of its request. */
const waiting: (Record<Facet, string> & { words: string })[] = [];

beforeAll(async () => {
  db = await createTestDatabase('queue_facets');
  const p = db.prisma;
  await p.jurisdiction.create({ data: { id: 'springfield.gov', name: 'Springfield', timezone: 'UTC' } });
  const department = await p.department.create({
    data: { jurisdictionId: 'springfield.gov', code: 'streets', name: 'Streets' },
  });
  const other = await p.department.create({
    data: { jurisdictionId: 'springfield.gov', code: 'parks', name: 'Parks' },
  });
  const service = (code: string) =>
    p.service.create({
      data: { jurisdictionId: 'springfield.gov', code, name: code, departmentId: department.id },
    });
  const [pothole, graffiti] = [await service('pothole'), await service('graffiti')];
  const staff = (email: string) =>
    p.staffMember.create({ data: { jurisdictionId: 'springfield.gov', email, name: email } });
  const [me, colleague] = [await staff('sam@springfield.gov'), await staff('pat@springfield.gov')];
  Object.assign(ids, {
    department: department.id,
    other: other.id,
    me: me.id,
    colleague: colleague.id,
    pothole: pothole.id,
    graffiti: graffiti.id,
  });

  // 48 tasks cycling through every facet's values at different rates, so combinations vary.
  const assignees = [null, me.id, colleague.id];
  const dues = [null, -2 * DAY, 6 * HOUR, 5 * DAY];
  const ages = [2 * HOUR, 3 * DAY, 12 * DAY, 90 * DAY];
  const districts = ['ward-1', 'ward-2', null];
  for (let i = 0; i < 48; i += 1) {
    const serviceId = i % 5 < 3 ? pothole.id : graffiti.id;
    const district = districts[i % 3]!;
    const words = i % 4 === 0 ? 'Deep pothole by the Elm Street school' : `Report ${i}`;
    const request = await p.serviceRequest.create({
      data: {
        jurisdictionId: 'springfield.gov',
        serviceId,
        departmentId: department.id,
        channel: 'web',
        district,
        description: words,
        address: `${i} Monroe St`,
      },
    });
    const assigneeId = assignees[i % 3] ?? null;
    const status = i % 7 === 6 ? 'completed' : assigneeId ? 'claimed' : 'open';
    const due = dues[i % 4] ?? null;
    const createdAt = new Date(asOf.getTime() - ages[Math.floor(i / 3) % 4]!);
    const dueAt = due === null ? null : new Date(asOf.getTime() + due);
    await p.task.create({
      data: {
        requestId: request.id,
        workflowId: `request-${request.id}`,
        nodeId: 'fix',
        visit: 1,
        title: 'Fix it',
        kind: 'work',
        departmentId: i === 47 ? other.id : department.id,
        status,
        assigneeId,
        dueAt,
        createdAt,
        ...(status === 'completed' ? { completedAt: asOf } : {}),
      },
    });
    if (status === 'completed' || i === 47) continue;
    waiting.push({
      status,
      assignee: assigneeId === null ? 'unassigned' : assigneeId === me.id ? 'mine' : 'others',
      service: serviceId,
      district: district ?? '',
      sla: slaStateAt(dueAt, asOf),
      age: ageBucketAt(createdAt, asOf),
      words: `${words} ${i} Monroe St`,
    });
  }
}, 120_000);
afterAll(async () => {
  await db?.drop();
}, 60_000);

const scopeOf = (filters: Partial<QueueFilters>): QueueScope => {
  const parsed = queueFilters.parse({ department: 'streets', ...filters });
  return {
    filters: parsed,
    jurisdictionId: 'springfield.gov',
    departmentId: ids.department,
    staffId: ids.me,
    serviceId:
      parsed.service === 'pothole' ? ids.pothole : parsed.service === 'graffiti' ? ids.graffiti : null,
    asOf,
  };
};

/** The faceted-search rule, task by task: a facet's counts apply every filter but its own. */
function expectedCounts(scope: QueueScope): FacetCounts {
  const selection = selectionOf(scope);
  const search = scope.filters.search?.toLowerCase();
  const result = { total: 0 } as FacetCounts;
  for (const facet of FACETS) result[facet] = {};
  for (const task of waiting.filter((t) => !search || t.words.toLowerCase().includes(search))) {
    const misses = FACETS.filter((f) => selection[f] !== undefined && selection[f] !== task[f]);
    if (misses.length === 0) result.total += 1;
    for (const facet of FACETS)
      if (misses.length === 0 || (misses.length === 1 && misses[0] === facet))
        result[facet][task[facet]] = (result[facet][task[facet]] ?? 0) + 1;
  }
  return result;
}

describe('queueFacetCounts', () => {
  it('counts every value of every facet of the waiting tasks without filters', async () => {
    const counts = await queueFacetCounts(db.prisma, scopeOf({}));
    expect(counts.total).toBe(waiting.length);
    expect(counts).toEqual(expectedCounts(scopeOf({})));
    expect(Object.keys(counts.sla).sort()).toEqual(['due_soon', 'none', 'on_time', 'overdue']);
    expect(Object.keys(counts.age).sort()).toEqual(['day', 'month', 'older', 'week']);
  });

  it.each<[string, Partial<QueueFilters>]>([
    ['one service', { service: 'graffiti' }],
    ['service and SLA', { service: 'pothole', sla: 'overdue' }],
    ['mine, claimed, in a district', { assignee: 'mine', status: 'claimed', district: 'ward-2' }],
    ['unassigned, older than a month', { assignee: 'unassigned', age: 'older' }],
    [
      'every filter',
      {
        status: 'open',
        assignee: 'unassigned',
        service: 'pothole',
        district: 'ward-1',
        sla: 'none',
        age: 'week',
      },
    ],
    ['words', { search: 'elm street' }],
    ['words and a filter', { search: 'ELM', sla: 'due_soon' }],
  ])("applies every filter but a facet's own to its counts: %s", async (_, filters) => {
    const scope = scopeOf(filters);
    expect(await queueFacetCounts(db.prisma, scope)).toEqual(expectedCounts(scope));
  });

  it('counts the tasks of one request for a request number', async () => {
    const [task] = await db.prisma.task.findMany({
      where: { departmentId: ids.department, status: 'open' },
      orderBy: { createdAt: 'asc' },
      take: 1,
    });
    const counts = await queueFacetCounts(db.prisma, scopeOf({ search: `#${task!.requestId}` }));
    expect(counts.total).toBe(1);
    expect(counts.status).toEqual({ open: 1 });
  });
});
