/**
 * What-if over history against a real PostgreSQL: stored pothole requests replayed through a draft that
 * lowers the "deep" threshold and sends park paths to an inspector, compared with published v1.
 */
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
import { authRouter } from '../trpc/auth-router.js';
import { createTrpcContext } from '../trpc/context.js';
import { createCallerFactory, router } from '../trpc/trpc.js';
import { workflowsRouter } from '../trpc/workflows-router.js';
import type { WorkflowGateway } from '../workflow-gateway.js';

const springfield = new URL('../../../examples/springfield/', import.meta.url);
const potholeYaml = readFileSync(new URL('workflows/pothole-repair.yaml', springfield), 'utf8');
const createCaller = createCallerFactory(router({ auth: authRouter, workflows: workflowsRouter }));
const noRuns = new Proxy({} as WorkflowGateway, {
  get: () => () => {
    throw new Error('what-if must not touch Temporal');
  },
});

// The draft under test: "deep" from 5 cm instead of 10, and park paths inspected by Streets first.
const draftYaml = potholeYaml
  .replace('value: 10 }', 'value: 5 }')
  .replace('next: park-path-repair', 'next: inspect');

const mediaDir = mkdtempSync(join(tmpdir(), 'civicdesk-what-if-'));
let db: TestDatabase;
let app: AppContext;
const ids: Record<string, string> = {};

async function signedIn(email: string, password: string) {
  const anonymous = createCaller(await createTrpcContext(app, new Headers()));
  const { token } = await anonymous.auth.login({ email, password });
  return createCaller(await createTrpcContext(app, new Headers({ authorization: `Bearer ${token}` })));
}

/** Stores a request as intake would have, with the tasks staff completed on it. */
async function storeRequest(
  name: string,
  service: string,
  attributes: Record<string, string | number>,
  requestedAt: string,
  completed: { node: string; outcome: string }[] = [],
) {
  const row = await db.prisma.service.findFirstOrThrow({ where: { code: service } });
  const version = await db.prisma.workflowVersion.findFirst({
    where: { workflowDefinition: { bindings: { some: { serviceId: row.id } } } },
    orderBy: { version: 'desc' },
  });
  const request = await db.prisma.serviceRequest.create({
    data: {
      jurisdictionId: row.jurisdictionId,
      serviceId: row.id,
      departmentId: row.departmentId,
      workflowVersionId: version?.id ?? null,
      attributes,
      channel: 'web',
      lat: 39.78,
      long: -89.65,
      requestedAt: new Date(requestedAt),
    },
  });
  for (const task of completed)
    await db.prisma.task.create({
      data: {
        requestId: request.id,
        workflowId: `request-${request.id}`,
        nodeId: task.node,
        visit: 1,
        title: task.node,
        kind: 'work',
        departmentId: row.departmentId,
        status: 'completed',
        outcomes: [task.outcome],
        outcome: task.outcome,
        completedAt: new Date(requestedAt),
      },
    });
  ids[name] = String(request.id);
}

beforeAll(async () => {
  db = await createTestDatabase('what_if');
  await importCityPack(db.prisma, readCityPack(springfield.pathname));
  const config = loadConfig({ ...process.env, DATABASE_URL: db.url, MEDIA_DIR: mediaDir });
  app = {
    db: db.prisma,
    config,
    workflows: noRuns,
    media: createMediaSettings(config),
    now: () => new Date(),
  };
  // Oldest first; `deep` is the newest.
  await storeRequest('streetlight', 'streetlight-out', {}, '2026-11-01T15:00:00Z');
  await storeRequest('shallow', 'pothole', { depth_cm: 3, location_type: 'road' }, '2026-11-02T15:00:00Z');
  await storeRequest('park', 'pothole', { depth_cm: 4, location_type: 'park_path' }, '2026-11-03T15:00:00Z');
  await storeRequest('medium', 'pothole', { depth_cm: 6, location_type: 'road' }, '2026-11-04T15:00:00Z', [
    { node: 'inspect', outcome: 'duplicate' },
  ]);
  await storeRequest('bike', 'pothole', { depth_cm: 2, location_type: 'bike_lane' }, '2026-11-05T15:00:00Z');
  await storeRequest('deep', 'pothole', { depth_cm: 12, location_type: 'road' }, '2026-11-06T15:00:00Z', [
    { node: 'urgent-repair', outcome: 'not_found' },
  ]);
});
afterAll(async () => {
  await db?.drop();
  rmSync(mediaDir, { recursive: true, force: true });
});

describe('workflows.whatIf', () => {
  it('replays the bound service requests through draft and published, and counts what moves', async () => {
    const sam = await signedIn('sam@springfield.gov', 'springfield-demo');
    const answer = await sam.workflows.whatIf({ slug: 'pothole-repair', draftYaml });

    expect(answer.services).toEqual(['pothole']);
    expect(answer.requests).toBe(5);
    expect(answer.published?.version).toBe(1);
    // Published: the medium pothole was inspected and found a duplicate; the park path went to Parks.
    expect(answer.published?.endings).toEqual({
      'close-fixed': 3,
      'close-not-found': 1,
      'close-duplicate': 1,
    });
    expect(answer.published?.queues).toEqual({ streets: 5, parks: 1 });
    // Draft: 6 cm is now urgent (repaired by default), the park path is inspected and repaired by Streets.
    expect(answer.draft.endings).toEqual({ 'close-fixed': 4, 'close-not-found': 1 });
    expect(answer.draft.queues).toEqual({ streets: 7 });
    expect(answer.draft.nodes).toMatchObject({ triage: 5, 'urgent-repair': 3, inspect: 2, repair: 2 });
    expect(answer.draft.nodes['park-path-repair']).toBeUndefined();
    expect(answer.published?.nodes).toMatchObject({ triage: 5, 'urgent-repair': 2, 'park-path-repair': 1 });

    expect(answer.changed.count).toBe(2);
    const byId = new Map(answer.changed.sample.map((c) => [c.id, c]));
    expect(byId.get(ids.medium!)).toMatchObject({
      published: { ending: 'close-duplicate', path: ['triage', 'inspect', 'close-duplicate'] },
      draft: { ending: 'close-fixed', path: ['triage', 'urgent-repair', 'close-fixed'] },
    });
    expect(byId.get(ids.park!)?.draft.path).toEqual([
      'triage',
      'inspect',
      'schedule-repair',
      'repair',
      'close-fixed',
    ]);
    expect(byId.has(ids.deep!)).toBe(false);
  });

  it('replays only the newest N requests and reads time facts at each request time', async () => {
    const admin = await signedIn('admin@springfield.gov', 'springfield-admin');
    const newest = await admin.workflows.whatIf({ slug: 'pothole-repair', draftYaml, limit: 2 });
    expect(newest.requests).toBe(2);
    expect(newest.from).toBe('2026-11-05T15:00:00.000Z');
    expect(newest.published?.endings).toEqual({ 'close-fixed': 1, 'close-not-found': 1 });

    // 2026-11-05 is a Thursday in Springfield; a rule on the weekday sends only that request elsewhere.
    const byWeekday = draftYaml.replace(
      '    rules:\n',
      '    rules:\n      - name: Thursdays are inspected\n        when: { all: [{ fact: time.weekday, operator: equal, value: thu }] }\n        next: inspect\n',
    );
    const thursday = await admin.workflows.whatIf({ slug: 'pothole-repair', draftYaml: byWeekday, limit: 2 });
    expect(thursday.changed.sample.map((c) => c.id)).toEqual([ids.bike]);
    expect(thursday.changed.sample[0]?.draft.path.slice(0, 2)).toEqual(['triage', 'inspect']);
  });

  it('is for staff of the workflow department and admins; a broken draft names its line', async () => {
    const pat = await signedIn('pat@springfield.gov', 'springfield-demo');
    await expect(pat.workflows.whatIf({ slug: 'pothole-repair', draftYaml })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const sam = await signedIn('sam@springfield.gov', 'springfield-demo');
    await expect(
      sam.workflows.whatIf({ slug: 'pothole-repair', draftYaml: 'workflow: [\n' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      sam.workflows.whatIf({ slug: 'pothole-repair', draftYaml, limit: 5000 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('at most 1000') });
  });
});
