import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import type { DashboardFilter, Dimension } from './dashboard-filter.js';
import { overdueTasks } from './overdue-tasks.js';
import { slaCompliance } from './sla.js';

const now = new Date('2026-03-15T12:00:00Z');
const HOUR = 3_600_000;

let db: TestDatabase;
const depts: Record<string, string> = {};
const services: Record<string, string> = {};

/** What each seeded task is, for the expected figures. */
interface Seeded {
  department: string;
  service: string;
  district: string | null;
  channel: string;
  status: string;
  dueAt: Date | null;
  completedAt: Date | null;
}
const seeded: Seeded[] = [];

beforeAll(async () => {
  db = await createTestDatabase('stats_task_filter');
  const p = db.prisma;
  for (const id of ['springfield.gov', 'shelbyville.gov'])
    await p.jurisdiction.create({ data: { id, name: id, timezone: 'America/Chicago' } });
  for (const code of ['streets', 'parks'])
    depts[code] = (
      await p.department.create({ data: { jurisdictionId: 'springfield.gov', code, name: `Dept ${code}` } })
    ).id;
  depts.elsewhere = (
    await p.department.create({
      data: { jurisdictionId: 'shelbyville.gov', code: 'streets', name: 'Shelby' },
    })
  ).id;
  for (const [code, department, jurisdictionId] of [
    ['pothole', 'streets', 'springfield.gov'],
    ['tree', 'parks', 'springfield.gov'],
    ['pothole-s', 'elsewhere', 'shelbyville.gov'],
  ] as const)
    services[code] = (
      await p.service.create({ data: { jurisdictionId, code, name: code, departmentId: depts[department]! } })
    ).id;

  for (let i = 0; i < 60; i += 1) {
    const service = i % 10 === 9 ? 'pothole-s' : i % 3 === 0 ? 'tree' : 'pothole';
    const jurisdictionId = service === 'pothole-s' ? 'shelbyville.gov' : 'springfield.gov';
    const requestDepartment =
      service === 'pothole-s' ? 'elsewhere' : service === 'tree' ? 'parks' : 'streets';
    // Every seventh Springfield pothole task is routed to parks.
    const department = requestDepartment === 'streets' && i % 7 === 0 ? 'parks' : requestDepartment;
    const district = [null, 'ward-1', 'ward-2'][i % 3]!;
    const channel = i % 4 === 0 ? 'phone' : 'web';
    const status = ['open', 'claimed', 'completed', 'completed'][i % 4]!;
    const dueAt = i % 5 === 0 ? null : new Date(now.getTime() + ((i % 6) - 3) * 10 * HOUR);
    const completedAt =
      status === 'completed'
        ? new Date(now.getTime() - (i % 9) * 24 * HOUR - ((i % 2) * 40 - 20) * HOUR)
        : null;
    const request = await p.serviceRequest.create({
      data: {
        jurisdictionId,
        serviceId: services[service]!,
        departmentId: depts[requestDepartment]!,
        channel,
        district,
      },
    });
    await p.task.create({
      data: {
        requestId: request.id,
        workflowId: `request-${request.id}`,
        nodeId: 'fix',
        visit: 1,
        title: 'Fix it',
        kind: 'work',
        departmentId: depts[department]!,
        status,
        dueAt,
        completedAt,
      },
    });
    if (jurisdictionId === 'springfield.gov')
      seeded.push({ department, service, district, channel, status, dueAt, completedAt });
  }
}, 120_000);
afterAll(async () => {
  await db?.drop();
}, 60_000);

const springfield: DashboardFilter = { jurisdictionId: 'springfield.gov', timezone: 'America/Chicago' };

const passes = (t: Seeded, f: DashboardFilter) =>
  (!f.serviceCode || t.service === f.serviceCode) &&
  (!f.departmentCode || t.department === f.departmentCode) &&
  (!f.district || t.district === f.district) &&
  (!f.channel || t.channel === f.channel);

describe('overdueTasks', () => {
  it.each<[string, Partial<DashboardFilter>]>([
    ['no filter', {}],
    ['a service', { serviceCode: 'pothole' }],
    ['a department (the one owning the task)', { departmentCode: 'parks' }],
    ['a district', { district: 'ward-2' }],
    ['a channel (read from the request)', { channel: 'phone' }],
    [
      'all of them',
      { serviceCode: 'pothole', departmentCode: 'parks', district: 'ward-1', channel: 'phone' },
    ],
  ])('counts waiting tasks per owning department, this jurisdiction only: %s', async (_, extra) => {
    const f = { ...springfield, ...extra };
    const expected = new Map<string, { pending: number; overdue: number; dueSoon: number }>();
    for (const t of seeded.filter((t) => passes(t, f) && (t.status === 'open' || t.status === 'claimed'))) {
      const row = expected.get(t.department) ?? { pending: 0, overdue: 0, dueSoon: 0 };
      row.pending += 1;
      if (t.dueAt && t.dueAt < now) row.overdue += 1;
      if (t.dueAt && t.dueAt >= now && t.dueAt.getTime() < now.getTime() + 24 * HOUR) row.dueSoon += 1;
      expected.set(t.department, row);
    }
    const rows = await overdueTasks(db.prisma, f, null, now);
    expect(
      Object.fromEntries(
        rows.map(({ departmentCode, pending, overdue, dueSoon }) => [
          departmentCode,
          { pending, overdue, dueSoon },
        ]),
      ),
    ).toEqual(Object.fromEntries(expected));
  });

  it("keeps to the caller's departments", async () => {
    const rows = await overdueTasks(db.prisma, springfield, [depts.streets!], now);
    expect(rows.map((r) => r.departmentCode)).toEqual(['streets']);
  });
});

describe('slaCompliance, tasks', () => {
  it.each<[Dimension, Partial<DashboardFilter>]>([
    ['none', {}],
    ['department', {}],
    ['service', { district: 'ward-1' }],
    ['district', { departmentCode: 'streets' }],
    ['channel', { serviceCode: 'pothole' }],
  ])('counts completed tasks with a due date by %s', async (by, extra) => {
    const f = { ...springfield, ...extra };
    const keyOf = (t: Seeded) =>
      by === 'department'
        ? t.department
        : by === 'service'
          ? t.service
          : by === 'district'
            ? (t.district ?? '')
            : by === 'channel'
              ? t.channel
              : '';
    const expected = new Map<string, { tasksWithDue: number; tasksMet: number }>();
    for (const t of seeded.filter((t) => passes(t, f) && t.completedAt && t.dueAt)) {
      const row = expected.get(keyOf(t)) ?? { tasksWithDue: 0, tasksMet: 0 };
      row.tasksWithDue += 1;
      if (t.completedAt! <= t.dueAt!) row.tasksMet += 1;
      expected.set(keyOf(t), row);
    }
    const sla = await slaCompliance(db.prisma, f, by, now);
    const total = [...expected.values()].reduce(
      (a, b) => ({ tasksWithDue: a.tasksWithDue + b.tasksWithDue, tasksMet: a.tasksMet + b.tasksMet }),
      { tasksWithDue: 0, tasksMet: 0 },
    );
    expect(sla.total).toMatchObject(total);
    expect(total.tasksWithDue).toBeGreaterThan(0);
    if (by !== 'none')
      expect(
        Object.fromEntries(
          sla.rows
            .filter((r) => r.tasksWithDue > 0)
            .map((r) => [r.code, { tasksWithDue: r.tasksWithDue, tasksMet: r.tasksMet }]),
        ),
      ).toEqual(Object.fromEntries(expected));
  });
});
