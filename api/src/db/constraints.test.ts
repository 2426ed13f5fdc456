// What the database itself guarantees beyond schema.prisma: immutable workflow versions, the
// idempotency keys used by workflow activities, and CHECK constraints on enum-like columns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from './client.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

let db: TestDatabase;
let departmentId: string;
let serviceId: string;
let requestId: bigint;
let definitionId: string;

beforeAll(async () => {
  db = await createTestDatabase('constraints');
  const { prisma } = db;
  await prisma.jurisdiction.create({
    data: { id: 'shelbyville.gov', name: 'Shelbyville', timezone: 'America/Chicago' },
  });
  departmentId = (
    await prisma.department.create({
      data: { jurisdictionId: 'shelbyville.gov', code: 'streets', name: 'Streets' },
    })
  ).id;
  serviceId = (
    await prisma.service.create({
      data: { jurisdictionId: 'shelbyville.gov', code: 'pothole', name: 'Pothole', departmentId },
    })
  ).id;
  requestId = (
    await prisma.serviceRequest.create({
      data: { jurisdictionId: 'shelbyville.gov', serviceId, departmentId, channel: 'web' },
    })
  ).id;
  definitionId = (
    await prisma.workflowDefinition.create({
      data: {
        jurisdictionId: 'shelbyville.gov',
        slug: 'pothole-repair',
        title: 'Pothole repair',
        draftYaml: 'workflow: pothole-repair\n',
      },
    })
  ).id;
}, 60_000);
afterAll(async () => {
  await db?.drop();
}, 60_000);

const hash = (c: string) => c.repeat(64);

describe('workflow versions are immutable', () => {
  it('accepts new versions but refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { prisma } = db;
    const v1 = await prisma.workflowVersion.create({
      data: { definitionId, version: 1, yaml: 'a', definition: { v: 1 }, hash: hash('1') },
    });
    await prisma.workflowVersion.create({
      data: { definitionId, version: 2, yaml: 'b', definition: { v: 2 }, hash: hash('2') },
    });

    await expect(
      prisma.workflowVersion.update({ where: { id: v1.id }, data: { note: 'edited' } }),
    ).rejects.toThrow(/workflow_versions are immutable: UPDATE refused/);
    await expect(prisma.workflowVersion.updateMany({ data: { yaml: 'x' } })).rejects.toThrow(/immutable/);
    await expect(prisma.workflowVersion.delete({ where: { id: v1.id } })).rejects.toThrow(
      /workflow_versions are immutable: DELETE refused/,
    );
    await expect(prisma.$executeRawUnsafe('TRUNCATE workflow_versions CASCADE')).rejects.toThrow(
      /immutable: TRUNCATE refused/,
    );
    // Deleting the definition would orphan its versions: refused too.
    await expect(prisma.workflowDefinition.delete({ where: { id: definitionId } })).rejects.toThrow();

    const rows = await prisma.workflowVersion.findMany({
      where: { definitionId },
      orderBy: { version: 'asc' },
    });
    expect(rows.map((r) => [r.version, r.note, r.yaml])).toEqual([
      [1, null, 'a'],
      [2, null, 'b'],
    ]);
    // A version number is used once per definition.
    await expect(
      prisma.workflowVersion.create({
        data: { definitionId, version: 2, yaml: 'c', definition: {}, hash: hash('3') },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });
});

describe('tasks', () => {
  const key = { workflowId: 'request-1', nodeId: 'inspect', visit: 1 };
  const data = () => ({
    requestId,
    ...key,
    title: 'Inspect',
    kind: 'work',
    departmentId,
    outcomes: ['done'],
  });

  it('(workflowId, nodeId, visit) is unique, so a retried create cannot make a second task', async () => {
    const { prisma } = db;
    const first = await prisma.task.create({ data: data() });
    await expect(prisma.task.create({ data: data() })).rejects.toMatchObject({ code: 'P2002' });
    // The idempotent forms an activity uses:
    const again = await prisma.task.upsert({
      where: { workflowId_nodeId_visit: key },
      create: data(),
      update: {},
    });
    expect(again.id).toBe(first.id);
    expect((await prisma.task.createMany({ data: [data()], skipDuplicates: true })).count).toBe(0);
    // The same node visited again (a loop) is a new task.
    const second = await prisma.task.create({ data: { ...data(), visit: 2 } });
    expect(second.id).not.toBe(first.id);
    expect(await prisma.task.count({ where: { workflowId: key.workflowId } })).toBe(2);
  });

  it('version supports optimistic concurrency', async () => {
    const { prisma } = db;
    const task = await prisma.task.findUniqueOrThrow({ where: { workflowId_nodeId_visit: key } });
    const claim = () =>
      prisma.task.updateMany({
        where: { id: task.id, version: task.version, status: 'open' },
        data: { status: 'claimed', claimedAt: new Date(), version: { increment: 1 } },
      });
    expect((await claim()).count).toBe(1);
    expect((await claim()).count).toBe(0); // a second claimer who saw the same version loses
  });

  it('the outcome must be one of the outcomes and completion needs completedAt', async () => {
    const { prisma } = db;
    const where = { workflowId_nodeId_visit: key };
    await expect(
      prisma.task.update({ where, data: { status: 'completed', completedAt: new Date(), outcome: 'nope' } }),
    ).rejects.toThrow(/tasks_outcome_check/);
    await expect(
      prisma.task.update({ where, data: { status: 'completed', outcome: 'done' } }),
    ).rejects.toThrow(/tasks_completed_at_check/);
    const done = await prisma.task.update({
      where,
      data: { status: 'completed', completedAt: new Date(), outcome: 'done' },
    });
    expect(done.status).toBe('completed');
  });
});

describe('timeline events', () => {
  it('dedupeKey is unique when set; events without one are unlimited', async () => {
    const { prisma } = db;
    const event = {
      requestId,
      kind: 'status_changed',
      summary: 'In progress',
      dedupeKey: 'request-1/set-status/1',
    };
    await prisma.timelineEvent.create({ data: event });
    await expect(prisma.timelineEvent.create({ data: event })).rejects.toMatchObject({ code: 'P2002' });
    expect((await prisma.timelineEvent.createMany({ data: [event], skipDuplicates: true })).count).toBe(0);
    await prisma.timelineEvent.createMany({
      data: [
        { requestId, kind: 'note', summary: 'a' },
        { requestId, kind: 'note', summary: 'b' },
      ],
    });
    expect(await prisma.timelineEvent.count({ where: { requestId } })).toBe(3);
  });
});

describe('CHECK constraints', () => {
  // Each case: a raw statement that must fail, and the constraint that must name the failure.
  const cases: Array<[string, string, string]> = [
    [
      'jurisdiction id',
      `INSERT INTO jurisdictions (id, name, timezone) VALUES ('Bad Id!', 'x', 'UTC')`,
      'jurisdictions_id_check',
    ],
    ['department code slug', `UPDATE departments SET code = 'Streets Dept'`, 'departments_code_check'],
    [
      'staff e-mail lower case',
      `INSERT INTO staff_members (jurisdiction_id, email, name) VALUES ('shelbyville.gov', 'Ned@X.gov', 'Ned')`,
      'staff_members_email_check',
    ],
    ['service type', `UPDATE services SET type = 'sometimes'`, 'services_type_check'],
    ['service attributes array', `UPDATE services SET attributes = '{}'`, 'services_attributes_check'],
    ['service SLA duration', `UPDATE services SET expected_sla = '3 days'`, 'services_expected_sla_check'],
    ['service SLA empty duration', `UPDATE services SET expected_sla = 'PT'`, 'services_expected_sla_check'],
    ['request status', `UPDATE service_requests SET status = 'pending'`, 'service_requests_status_check'],
    [
      'request extended status',
      `UPDATE service_requests SET extended_status = 'lost'`,
      'service_requests_extended_status_check',
    ],
    ['request channel', `UPDATE service_requests SET channel = 'pigeon'`, 'service_requests_channel_check'],
    ['latitude range', `UPDATE service_requests SET lat = 90.5, long = 0`, 'service_requests_lat_check'],
    ['longitude range', `UPDATE service_requests SET lat = 0, long = -180.5`, 'service_requests_long_check'],
    ['lat and long together', `UPDATE service_requests SET lat = 10`, 'service_requests_lat_long_check'],
    [
      'request attributes object',
      `UPDATE service_requests SET attributes = '[]'`,
      'service_requests_attributes_check',
    ],
    ['timeline kind', `UPDATE timeline_events SET kind = 'Status Changed'`, 'timeline_events_kind_check'],
    ['task kind', `UPDATE tasks SET kind = 'chore'`, 'tasks_kind_check'],
    ['task status', `UPDATE tasks SET status = 'done'`, 'tasks_status_check'],
    [
      'membership access',
      `INSERT INTO staff_memberships (staff_id, department_id, access) SELECT gen_random_uuid(), id, 'boss' FROM departments`,
      'staff_memberships_access_check',
    ],
    [
      'version hash',
      `INSERT INTO workflow_versions (definition_id, version, yaml, definition, hash) SELECT id, 9, '', '{}', 'abc' FROM workflow_definitions`,
      'workflow_versions_hash_check',
    ],
    [
      'version number',
      `INSERT INTO workflow_versions (definition_id, version, yaml, definition, hash) SELECT id, 0, '', '{}', repeat('e', 64) FROM workflow_definitions`,
      'workflow_versions_version_check',
    ],
    [
      'api key hash',
      `INSERT INTO api_keys (jurisdiction_id, name, key_hash, prefix) VALUES ('shelbyville.gov', 'k', 'secret', 'cd_')`,
      'api_keys_key_hash_check',
    ],
    [
      'outbox attempts',
      `INSERT INTO outbox_messages (kind, payload, attempts) VALUES ('x', '{}', -1)`,
      'outbox_messages_attempts_check',
    ],
    [
      'audit actor type',
      `INSERT INTO audit_logs (actor_type, action, subject_type) VALUES ('alien', 'x', 'y')`,
      'audit_logs_actor_type_check',
    ],
  ];
  it.each(cases)('%s', async (_name, sql, constraint) => {
    await expect(db.prisma.$executeRawUnsafe(sql)).rejects.toThrow(new RegExp(constraint));
  });

  it('accepts valid values', async () => {
    const { prisma } = db;
    await prisma.service.update({
      where: { id: serviceId },
      data: { expectedSla: 'PT4H30M', type: 'blackbox' },
    });
    await prisma.service.update({ where: { id: serviceId }, data: { expectedSla: 'P1W' } });
    const closed = await prisma.serviceRequest.update({
      where: { id: requestId },
      data: {
        status: 'closed',
        extendedStatus: 'not_councils_responsibility',
        closedAt: new Date(),
        lat: -90,
        long: 180,
      },
    });
    expect(closed.status).toBe('closed');
    const reopened = await prisma.serviceRequest.update({
      where: { id: requestId },
      data: { status: 'open', extendedStatus: 'reopen', closedAt: null, lat: null, long: null },
    });
    expect(reopened.closedAt).toBeNull();
  });

  it('surfaces as a Prisma error that names the constraint', async () => {
    const error = await db.prisma.serviceRequest
      .update({ where: { id: requestId }, data: { status: 'pending' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(String((error as Error).message)).toMatch(/service_requests_status_check/);
  });
});

describe('service request closedAt', () => {
  it('follows status: stamped when closed without one, kept when given, cleared on reopen', async () => {
    const { prisma } = db;
    const where = { id: requestId };
    // An extended status that maps to closed, set without a close time (what a workflow step does).
    const closed = await prisma.serviceRequest.update({
      where,
      data: { status: 'closed', extendedStatus: 'duplicate' },
    });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(Math.abs((closed.closedAt as Date).getTime() - Date.now())).toBeLessThan(60_000);
    const untouched = await prisma.serviceRequest.update({ where, data: { statusNotes: 'merged' } });
    expect(untouched.closedAt).toEqual(closed.closedAt);
    const given = new Date('2024-05-06T07:08:09.123Z');
    expect((await prisma.serviceRequest.update({ where, data: { closedAt: given } })).closedAt).toEqual(
      given,
    );
    const reopened = await prisma.serviceRequest.update({
      where,
      data: { status: 'open', extendedStatus: 'reopen' },
    });
    expect(reopened.closedAt).toBeNull();
    // An open request cannot carry a close time.
    expect((await prisma.serviceRequest.update({ where, data: { closedAt: given } })).closedAt).toBeNull();
    const inserted = await prisma.serviceRequest.create({
      data: {
        jurisdictionId: 'shelbyville.gov',
        serviceId,
        departmentId,
        channel: 'phone',
        status: 'closed',
      },
    });
    expect(inserted.closedAt).toBeInstanceOf(Date);
  });
});

describe('outbox', () => {
  it('has a partial index over pending messages only', async () => {
    const [index] = await db.prisma.$queryRaw<{ indexdef: string }[]>`
      SELECT indexdef FROM pg_indexes WHERE indexname = 'outbox_messages_available_at_idx'`;
    expect(index?.indexdef).toMatch(/WHERE \(processed_at IS NULL\)/);
  });
});
