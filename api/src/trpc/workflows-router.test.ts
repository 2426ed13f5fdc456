import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app-context.js';
import { loadConfig } from '../config.js';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { createMediaSettings } from '../media/media-settings.js';
import { readCityPack } from '../packs/city-pack.js';
import { importCityPack } from '../packs/import-city-pack.js';
import type { WorkflowGateway } from '../workflow-gateway.js';
import { authRouter } from './auth-router.js';
import { createTrpcContext } from './context.js';
import { createCallerFactory, router } from './trpc.js';
import { workflowsRouter } from './workflows-router.js';

const springfield = new URL('../../../examples/springfield/', import.meta.url);
const potholeYaml = readFileSync(new URL('workflows/pothole-repair.yaml', springfield), 'utf8');
const createCaller = createCallerFactory(router({ auth: authRouter, workflows: workflowsRouter }));

// Designer procedures never start runs; a gateway that refuses proves it.
const noRuns = new Proxy({} as WorkflowGateway, {
  get: () => () => {
    throw new Error('workflows.* must not touch Temporal');
  },
});

const mediaDir = mkdtempSync(join(tmpdir(), 'civicdesk-workflows-router-'));
let db: TestDatabase;
let app: AppContext;

async function signedIn(email: string, password: string) {
  const anonymous = createCaller(await createTrpcContext(app, new Headers()));
  const { token } = await anonymous.auth.login({ email, password });
  return createCaller(await createTrpcContext(app, new Headers({ authorization: `Bearer ${token}` })));
}

beforeAll(async () => {
  db = await createTestDatabase('workflows_router');
  await importCityPack(db.prisma, readCityPack(springfield.pathname));
  const config = loadConfig({ ...process.env, DATABASE_URL: db.url, MEDIA_DIR: mediaDir });
  app = {
    db: db.prisma,
    config,
    workflows: noRuns,
    media: createMediaSettings(config),
    now: () => new Date(),
  };
});
afterAll(async () => {
  await db?.drop();
  rmSync(mediaDir, { recursive: true, force: true });
});

describe('workflows router', () => {
  it('lists workflows and answers a draft with its revision and versions', async () => {
    const admin = await signedIn('admin@springfield.gov', 'springfield-admin');
    const list = await admin.workflows.list();
    expect(list.map((w) => w.slug)).toContain('pothole-repair');
    const pothole = await admin.workflows.get({ slug: 'pothole-repair' });
    expect(pothole.draftYaml).toContain('workflow: pothole-repair');
    expect(pothole.versions[0]).toMatchObject({ version: 1 });
    await expect(admin.workflows.get({ slug: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('saves drafts with optimistic concurrency: a stale revision is a CONFLICT that says what to do', async () => {
    // Drafts are the department head's (Hana heads Streets); Sam, a Streets clerk, may only read them.
    const clerk = await signedIn('sam@springfield.gov', 'springfield-demo');
    const sam = await signedIn('hana@springfield.gov', 'springfield-demo');
    const { draftRevision } = await sam.workflows.get({ slug: 'pothole-repair' });
    await expect(
      clerk.workflows.saveDraft({ yaml: potholeYaml, baseRevision: draftRevision }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/head of the department that handles 'pothole-repair'/),
    });
    const edited = potholeYaml.replace('title: Inspect the site', 'title: Inspect the pothole');
    const saved = await sam.workflows.saveDraft({ yaml: edited, baseRevision: draftRevision });
    expect(saved.draftRevision).toBe(draftRevision + 1);
    await expect(
      sam.workflows.saveDraft({ yaml: potholeYaml, baseRevision: draftRevision }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/Someone saved 'pothole-repair' since you opened it.*Reload/),
    });
    await expect(sam.workflows.saveDraft({ yaml: potholeYaml, baseRevision: null })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already exists/),
    });
    await expect(sam.workflows.saveDraft({ yaml: 'workflow: [', baseRevision: null })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const fresh = await sam.workflows.saveDraft({
      yaml: potholeYaml.replace('workflow: pothole-repair', 'workflow: pothole-copy'),
      baseRevision: null,
    });
    expect(fresh).toMatchObject({ slug: 'pothole-copy', draftRevision: 0 });
  });

  it('publishes for admins only, refusing invalid drafts with every problem', async () => {
    const sam = await signedIn('sam@springfield.gov', 'springfield-demo');
    const admin = await signedIn('admin@springfield.gov', 'springfield-admin');
    await expect(sam.workflows.publish({ slug: 'pothole-repair' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(admin.workflows.publish({ slug: 'no-such-workflow' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no workflow 'no-such-workflow'/),
    });
    const published = await admin.workflows.publish({ slug: 'pothole-repair', note: 'clearer title' });
    expect(published).toMatchObject({ version: 2, note: 'clearer title' });
    expect((await admin.workflows.versions({ slug: 'pothole-repair' })).map((v) => v.version)).toEqual([
      2, 1,
    ]);
    expect((await admin.workflows.versions({ slug: 'pothole-repair' }))[0]?.publishedByName).toEqual(
      expect.any(String),
    );

    const { draftRevision } = await admin.workflows.get({ slug: 'pothole-repair' });
    const broken = potholeYaml.replace(
      'department: streets, role: inspector',
      'department: roads, role: inspector',
    );
    await admin.workflows.saveDraft({ yaml: broken, baseRevision: draftRevision });
    const refusal = await admin.workflows
      .publish({ slug: 'pothole-repair' })
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('nodes.inspect.assign.department'),
    });
  });

  it('answers departments with roles and services with their attribute definitions', async () => {
    const sam = await signedIn('sam@springfield.gov', 'springfield-demo');
    const streets = (await sam.workflows.departments()).find((d) => d.code === 'streets');
    expect(streets?.roles.map((r) => r.code)).toEqual(expect.arrayContaining(['crew', 'inspector']));
    const pothole = (await sam.workflows.services()).find((s) => s.code === 'pothole');
    expect(pothole?.attributes).toEqual(
      expect.arrayContaining([
        { code: 'depth_cm', datatype: 'number', description: expect.any(String) },
        expect.objectContaining({
          code: 'location_type',
          values: expect.arrayContaining([{ key: 'bike_lane', name: 'Bike lane' }]),
        }),
      ]),
    );
  });

  it('answers one version with its definition, and NOT_FOUND naming the fix for a missing one', async () => {
    const sam = await signedIn('sam@springfield.gov', 'springfield-demo');
    const v1 = await sam.workflows.version({ slug: 'pothole-repair', version: 1 });
    expect(v1).toMatchObject({ version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(v1.definition.start).toBe('triage');
    expect(v1.yaml).toContain('title: Inspect the site');
    await expect(sam.workflows.version({ slug: 'pothole-repair', version: 99 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('workflows.versions'),
    });
  });

  it('answers a run: pinned definition, nodes passed, the waiting task as current', async () => {
    const sam = await signedIn('sam@springfield.gov', 'springfield-demo');
    const prisma = db.prisma;
    const service = await prisma.service.findFirstOrThrow({ where: { code: 'pothole' } });
    const version = await prisma.workflowVersion.findFirstOrThrow({
      where: { version: 1, workflowDefinition: { slug: 'pothole-repair' } },
    });
    const request = await prisma.serviceRequest.create({
      data: {
        jurisdictionId: service.jurisdictionId,
        serviceId: service.id,
        departmentId: service.departmentId,
        channel: 'web',
        workflowVersionId: version.id,
      },
    });
    const due = new Date(Date.now() + 3 * 86_400_000);
    await prisma.timelineEvent.createMany({
      data: [
        { requestId: request.id, kind: 'opened', summary: 'Opened' },
        { requestId: request.id, kind: 'decided', summary: 'Triage', data: { node: 'triage' } },
        { requestId: request.id, kind: 'task_created', summary: 'Inspect', data: { node: 'inspect' } },
      ],
    });
    await prisma.task.create({
      data: {
        requestId: request.id,
        workflowId: `request-${request.id}`,
        nodeId: 'inspect',
        visit: 1,
        title: 'Inspect the site',
        kind: 'work',
        departmentId: service.departmentId,
        outcomes: ['confirmed', 'not_found', 'duplicate'],
        dueAt: due,
      },
    });
    const run = await sam.workflows.run({ service_request_id: String(request.id) });
    expect(run).toMatchObject({
      workflow: { slug: 'pothole-repair', version: 1 },
      path: ['triage', 'inspect'],
      current: 'inspect',
      tasks: [{ nodeId: 'inspect', status: 'open', dueAt: due.toISOString() }],
    });
    expect(run.workflow?.definition.nodes.inspect).toMatchObject({ type: 'task' });
    await expect(sam.workflows.run({ service_request_id: '999999' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(sam.workflows.run({ service_request_id: 'abc' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
