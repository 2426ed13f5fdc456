import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { findOpen311Requests } from './find-requests.js';
import { loadRequest } from './load-request.js';
import { toOpen311ExtendedRequest, toOpen311Request } from './open311-request.js';

let db: TestDatabase;
const ids = { full: 0n, bare: 0n, other: 0n };

beforeAll(async () => {
  db = await createTestDatabase('load_request');
  const p = db.prisma;
  for (const id of ['springfield.gov', 'shelbyville.gov'])
    await p.jurisdiction.create({ data: { id, name: id, timezone: 'America/Chicago' } });
  const department = await p.department.create({
    data: { jurisdictionId: 'springfield.gov', code: 'streets', name: 'Streets & Sanitation' },
  });
  const service = await p.service.create({
    data: {
      jurisdictionId: 'springfield.gov',
      code: 'pothole',
      name: 'Pothole',
      departmentId: department.id,
      serviceNotice: 'Fixed within 3 days',
    },
  });
  const base = { jurisdictionId: 'springfield.gov', serviceId: service.id, departmentId: department.id };
  const bare = await p.serviceRequest.create({ data: { ...base, channel: 'web' } });
  const full = await p.serviceRequest.create({
    data: {
      ...base,
      channel: 'open311',
      status: 'closed',
      extendedStatus: 'fixed',
      statusNotes: 'Filled',
      resolution: 'Patched with cold mix',
      description: 'Deep pothole "by" the school',
      lat: 39.80036,
      long: -89.645817,
      x: 1_000_123.5,
      y: 1_200_456.25,
      spatialReference: 'EPSG:3435',
      address: '273 E Monroe St',
      addressId: 'SPR-00055',
      zipcode: '62701',
      mediaUrl: 'https://media.example/1.jpg',
      firstName: 'Jo',
      lastName: 'Doe',
      email: 'jo@example.org',
      phone: '2175550100',
      requestedAt: new Date('2026-03-01T08:00:00.123Z'),
      closedAt: new Date('2026-03-03T16:30:00.000Z'),
      expectedAt: new Date('2026-03-04T08:00:00.000Z'),
      duplicateOfId: bare.id,
    },
  });
  const sameInstant = new Date('2026-03-02T10:00:00.007Z');
  await p.timelineEvent.createMany({
    data: [
      {
        requestId: full.id,
        at: new Date('2026-03-03T16:30:00Z'),
        kind: 'closed',
        public: true,
        summary: 'Closed',
      },
      { requestId: full.id, at: sameInstant, kind: 'status_changed', public: true, summary: 'Crew sent' },
      { requestId: full.id, at: sameInstant, kind: 'internal_note', public: false, summary: 'Crew busy' },
      {
        requestId: full.id,
        at: sameInstant,
        kind: 'note',
        public: true,
        summary: 'Second',
        description: 'B',
      },
      {
        requestId: full.id,
        at: new Date('2026-03-01T08:00:00.123Z'),
        kind: 'opened',
        public: true,
        summary: 'Opened',
      },
    ],
  });
  const otherDepartment = await p.department.create({
    data: { jurisdictionId: 'shelbyville.gov', code: 'streets', name: 'Shelbyville Streets' },
  });
  const otherService = await p.service.create({
    data: {
      jurisdictionId: 'shelbyville.gov',
      code: 'pothole',
      name: 'Pothole',
      departmentId: otherDepartment.id,
    },
  });
  const other = await p.serviceRequest.create({
    data: {
      jurisdictionId: 'shelbyville.gov',
      serviceId: otherService.id,
      departmentId: otherDepartment.id,
      channel: 'web',
    },
  });
  Object.assign(ids, { full: full.id, bare: bare.id, other: other.id });
}, 60_000);
afterAll(async () => {
  await db?.drop();
}, 60_000);

/** The same request as GET /requests?service_request_id= loads it (Prisma includes). */
const viaList = async (id: bigint, extensions: boolean) =>
  findOpen311Requests(db.prisma, {
    where: { id, jurisdictionId: 'springfield.gov' },
    near: null,
    skip: 0,
    take: 1,
    extensions,
  });

describe('loadRequest', () => {
  it('renders exactly as the Prisma-loaded request does, public notes in order, internal ones left out', async () => {
    for (const id of [ids.full, ids.bare]) {
      const loaded = await loadRequest(db.prisma, id, { jurisdictionId: 'springfield.gov', timeline: true });
      expect(loaded).not.toBeNull();
      expect([toOpen311ExtendedRequest(loaded!)]).toEqual(await viaList(id, true));
      expect([toOpen311Request(loaded!)]).toEqual(await viaList(id, false));
    }
    const full = await loadRequest(db.prisma, ids.full, { timeline: true });
    expect(full!.timeline.map((e) => e.summary)).toEqual(['Opened', 'Crew sent', 'Second', 'Closed']);
    expect(toOpen311ExtendedRequest(full!).extended_attributes.duplicate).toBe(ids.bare.toString());
  });

  it('carries the private fields and token for the tracking page, and the timeline only when asked', async () => {
    const stored = await db.prisma.serviceRequest.findUniqueOrThrow({ where: { id: ids.full } });
    const loaded = await loadRequest(db.prisma, ids.full, { timeline: false });
    expect(loaded).toMatchObject({
      token: stored.token,
      jurisdictionId: 'springfield.gov',
      departmentId: stored.departmentId,
      extendedStatus: 'fixed',
      resolution: 'Patched with cold mix',
      firstName: 'Jo',
      lastName: 'Doe',
      email: 'jo@example.org',
      phone: '2175550100',
      timeline: [],
    });
  });

  it("answers null for an unknown id or another jurisdiction's request", async () => {
    expect(await loadRequest(db.prisma, ids.other + 1000n, { timeline: true })).toBeNull();
    expect(
      await loadRequest(db.prisma, ids.other, { jurisdictionId: 'springfield.gov', timeline: true }),
    ).toBeNull();
    expect(
      await loadRequest(db.prisma, ids.other, { jurisdictionId: 'shelbyville.gov', timeline: true }),
    ).not.toBeNull();
  });
});
