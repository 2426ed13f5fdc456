// Drift guard: schema.prisma (what the client believes) and prisma/migrations (what the database
// is) must describe the same tables. Builds a fresh database from the migrations, compares its
// catalogue with schema.prisma, then writes and reads back every field of every model.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from './client.js';
import { delegateOf, everyModel, ids } from './every-model.fixture.js';
import { findSchemaDrift, parsePrismaSchema, schemaPath } from './schema-drift.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('schema');
}, 60_000);
afterAll(async () => {
  await db?.drop();
}, 60_000);

describe('schema.prisma and the SQL migrations', { timeout: 30_000 }, () => {
  it('describe the same tables, columns, keys, indexes and foreign keys', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      expect(await findSchemaDrift(client)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('the drift check notices a difference', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE "tasks" ADD COLUMN "sneaky" TEXT');
      await client.query('ALTER TABLE "departments" ALTER COLUMN "email" SET NOT NULL');
      await client.query('DROP INDEX "service_requests_updated_at_idx"');
      await client.query('ALTER TABLE "timeline_events" DROP CONSTRAINT "timeline_events_request_id_fkey"');
      const problems = await findSchemaDrift(client);
      await client.query('ROLLBACK');
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining('tasks.sneaky is not in schema.prisma'),
          expect.stringContaining('Department.email (departments.email): database column is NOT NULL'),
          expect.stringContaining('ServiceRequest: index(updated_at) is missing'),
          expect.stringContaining('TimelineEvent: foreign key (request_id) -> service_requests(id)'),
        ]),
      );
      expect(problems).toHaveLength(4);
    } finally {
      await client.end();
    }
  });

  it('the fixture covers every model and every scalar field', () => {
    const models = Object.values(Prisma.ModelName).sort();
    expect(everyModel.map((entry) => entry.model).sort()).toEqual(models);
    expect(
      parsePrismaSchema(readFileSync(schemaPath, 'utf8'))
        .map((m) => m.name)
        .sort(),
    ).toEqual(models);
    for (const { model, data } of everyModel) {
      const fields = Object.values(
        (Prisma as unknown as Record<string, Record<string, string>>)[`${model}ScalarFieldEnum`] ?? {},
      );
      expect({ model, fields: Object.keys(data).sort() }).toEqual({ model, fields: fields.sort() });
    }
  });

  it('writes and reads back every field of every model through the generated client', async () => {
    for (const { model, data, where } of everyModel) {
      const delegate = delegateOf(db.prisma, model);
      const created = await delegate.create({ data });
      expect({ model, row: created }).toEqual({ model, row: data });
      const read = await delegate.findUniqueOrThrow({ where });
      expect({ model, row: read }).toEqual({ model, row: data });
    }
    // Relations resolve in both directions.
    const request = await db.prisma.serviceRequest.findUniqueOrThrow({
      where: { token: ids.token },
      include: {
        jurisdiction: true,
        service: { include: { binding: true } },
        department: true,
        workflowVersion: true,
        timeline: true,
        tasks: { include: { assignee: true } },
      },
    });
    expect(request.service.binding?.definitionId).toBe(ids.definition);
    expect(request.workflowVersion?.version).toBe(1);
    expect(request.timeline.map((e) => e.id)).toEqual([5001n]);
    expect(request.tasks[0]?.assignee?.email).toBe('marge@springfield.gov');
    const jurisdiction = await db.prisma.jurisdiction.findUniqueOrThrow({
      where: { id: ids.jurisdiction },
      include: {
        departments: { include: { roles: true, memberships: true } },
        staff: true,
        services: true,
        requests: true,
        workflowDefinitions: { include: { versions: true, bindings: true } },
        apiKeys: true,
      },
    });
    expect(jurisdiction.departments[0]?.roles.map((r) => r.code)).toEqual(['inspector']);
    expect(jurisdiction.departments[0]?.memberships[0]?.roleCodes).toEqual(['inspector', 'supervisor']);
    expect(jurisdiction.workflowDefinitions[0]?.versions).toHaveLength(1);
  });

  it('fills database defaults when only the required fields are given', async () => {
    const { prisma } = db;
    const department = await prisma.department.create({
      data: { jurisdictionId: ids.jurisdiction, code: 'parks', name: 'Parks' },
    });
    expect(department.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(department.email).toBeNull();
    const service = await prisma.service.create({
      data: {
        jurisdictionId: ids.jurisdiction,
        code: 'graffiti',
        name: 'Graffiti',
        departmentId: department.id,
      },
    });
    expect(service).toMatchObject({
      description: '',
      type: 'realtime',
      keywords: [],
      group: '',
      attributes: [],
      serviceNotice: null,
      expectedSla: null,
      active: true,
    });
    const request = await prisma.serviceRequest.create({
      data: {
        jurisdictionId: ids.jurisdiction,
        serviceId: service.id,
        departmentId: department.id,
        channel: 'web',
      },
    });
    expect(typeof request.id).toBe('bigint');
    expect(request.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(request).toMatchObject({
      status: 'open',
      extendedStatus: 'open',
      attributes: {},
      lat: null,
      long: null,
      closedAt: null,
      workflowVersionId: null,
    });
    expect(request.requestedAt).toBeInstanceOf(Date);
    const event = await prisma.timelineEvent.create({
      data: { requestId: request.id, kind: 'opened', summary: 'Received' },
    });
    expect(event).toMatchObject({
      public: false,
      description: null,
      actor: null,
      data: null,
      dedupeKey: null,
    });
    const task = await prisma.task.create({
      data: {
        requestId: request.id,
        workflowId: `request-${request.id}`,
        nodeId: 'clean',
        visit: 1,
        title: 'Clean',
        kind: 'work',
        departmentId: department.id,
      },
    });
    expect(task).toMatchObject({ status: 'open', outcomes: [], outcome: null, version: 0, assigneeId: null });
    const staff = await prisma.staffMember.create({
      data: { jurisdictionId: ids.jurisdiction, email: 'ned@springfield.gov', name: 'Ned' },
    });
    expect(staff).toMatchObject({ isAdmin: false, active: true, passwordHash: null });
    const membership = await prisma.staffMembership.create({
      data: { staffId: staff.id, departmentId: department.id, access: 'staff' },
    });
    expect(membership.roleCodes).toEqual([]);
    const definition = await prisma.workflowDefinition.create({
      data: { jurisdictionId: ids.jurisdiction, slug: 'graffiti', title: 'Graffiti', draftYaml: '' },
    });
    expect(definition).toMatchObject({ draftRevision: 0, updatedBy: null });
    const version = await prisma.workflowVersion.create({
      data: { definitionId: definition.id, version: 1, yaml: '', definition: {}, hash: 'c'.repeat(64) },
    });
    expect(version.publishedAt).toBeInstanceOf(Date);
    const message = await prisma.outboxMessage.create({ data: { kind: 'workflow.start', payload: {} } });
    expect(message).toMatchObject({ attempts: 0, lastError: null, lockedUntil: null, processedAt: null });
    const audit = await prisma.auditLog.create({
      data: { actorType: 'system', action: 'seed', subjectType: 'jurisdiction' },
    });
    expect(audit).toMatchObject({ actorId: null, subjectId: null, data: null });
    const key = await prisma.apiKey.create({
      data: { jurisdictionId: ids.jurisdiction, name: 'k', keyHash: 'd'.repeat(64), prefix: 'cd_' },
    });
    expect(key).toMatchObject({ revokedAt: null, lastUsedAt: null });
    // Raw SQL inserts get the same defaults (uuid and identity keys come from the database).
    const [raw] = await prisma.$queryRaw<{ id: bigint; token: string }[]>`
      INSERT INTO service_requests (jurisdiction_id, service_id, department_id, channel)
      VALUES (${ids.jurisdiction}, ${service.id}::uuid, ${department.id}::uuid, 'phone') RETURNING id, token`;
    expect(raw?.id).toBeGreaterThan(request.id);
  });
});
