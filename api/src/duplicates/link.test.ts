import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { DuplicateRefusedError } from './duplicate-errors.js';
import { addRequest, seedDuplicatesCity } from './duplicates.fixture.js';
import { findDuplicateCandidates } from './find-candidates.js';
import { linkDuplicate, unlinkDuplicate } from './link.js';

const at = new Date('2026-03-10T12:00:00Z');
const staff = 'staff:3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a02';

let db: TestDatabase;
let city: Awaited<ReturnType<typeof seedDuplicatesCity>>;
beforeAll(async () => {
  db = await createTestDatabase('duplicates_link');
  city = await seedDuplicatesCity(db.prisma);
}, 60_000);
afterAll(async () => {
  await db?.drop();
}, 60_000);

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(DuplicateRefusedError);
      const { field, reason, message } = error as DuplicateRefusedError;
      return { field, reason, message };
    },
  );

describe('linkDuplicate and unlinkDuplicate', () => {
  it('links a request to the one it repeats, with a public timeline event on both and an audit row', async () => {
    const original = await addRequest(db.prisma, { service: city.services.pothole, at });
    const duplicate = await addRequest(db.prisma, { service: city.services.pothole, at });
    const linked = await linkDuplicate(db.prisma, {
      requestId: duplicate.toString(),
      duplicateOfId: original.toString(),
      by: staff,
      jurisdictionId: 'springfield.gov',
      now: at,
    });
    expect(linked).toEqual({ requestId: `${duplicate}`, duplicateOfId: `${original}`, changed: true });
    const row = await db.prisma.serviceRequest.findUniqueOrThrow({ where: { id: duplicate } });
    expect(row.duplicateOfId).toBe(original);

    const events = await db.prisma.timelineEvent.findMany({
      where: { requestId: { in: [original, duplicate] } },
      orderBy: { requestId: 'asc' },
    });
    expect(events.map((e) => [e.requestId, e.kind, e.public, e.actor, e.summary])).toEqual([
      [
        original,
        'duplicate_received',
        true,
        staff,
        `Request ${duplicate} was marked as a duplicate of this one`,
      ],
      [duplicate, 'duplicate_linked', true, staff, `Marked as a duplicate of request ${original}`],
    ]);
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { subjectType: 'service_request', subjectId: `${duplicate}` },
    });
    expect(audit).toMatchObject({
      actorType: 'staff',
      actorId: staff.slice('staff:'.length),
      action: 'request.duplicate_link',
      data: { duplicate_of_id: `${original}`, previous: null },
    });

    // A linked duplicate is no longer offered as a candidate; the original still is.
    const candidates = await findDuplicateCandidates(db.prisma, {
      jurisdictionId: 'springfield.gov',
      serviceCode: 'pothole',
      lat: row.lat ?? 0,
      long: row.long ?? 0,
      at,
    });
    expect(candidates.map((c) => c.service_request_id)).toContain(`${original}`);
    expect(candidates.map((c) => c.service_request_id)).not.toContain(`${duplicate}`);

    // Linking again is a no-op; unlinking undoes it and says so on both timelines.
    expect(
      (await linkDuplicate(db.prisma, { requestId: duplicate, duplicateOfId: original, by: staff })).changed,
    ).toBe(false);
    expect(await unlinkDuplicate(db.prisma, { requestId: duplicate, by: staff, now: at })).toEqual({
      requestId: `${duplicate}`,
      duplicateOfId: null,
      changed: true,
    });
    expect(
      (await db.prisma.serviceRequest.findUniqueOrThrow({ where: { id: duplicate } })).duplicateOfId,
    ).toBeNull();
    const kinds = await db.prisma.timelineEvent.findMany({
      where: { kind: { in: ['duplicate_unlinked', 'duplicate_removed'] } },
      select: { requestId: true, kind: true },
    });
    expect(kinds).toEqual(
      expect.arrayContaining([
        { requestId: duplicate, kind: 'duplicate_unlinked' },
        { requestId: original, kind: 'duplicate_removed' },
      ]),
    );
    expect((await unlinkDuplicate(db.prisma, { requestId: duplicate, by: staff })).changed).toBe(false);
    expect(
      await db.prisma.auditLog.count({
        where: { subjectId: `${duplicate}`, action: { startsWith: 'request.duplicate' } },
      }),
    ).toBe(2);
  });

  it('refuses a link to itself, across jurisdictions, to an unknown request, and one that closes a cycle', async () => {
    const { pothole, shelbyPothole } = city.services;
    const a = await addRequest(db.prisma, { service: pothole, at });
    const b = await addRequest(db.prisma, { service: pothole, at });
    const c = await addRequest(db.prisma, { service: pothole, at });
    const elsewhere = await addRequest(db.prisma, { service: shelbyPothole, at });

    expect(
      await refusal(linkDuplicate(db.prisma, { requestId: a, duplicateOfId: a, by: staff })),
    ).toMatchObject({
      field: 'duplicate_of_id',
      message: expect.stringContaining('cannot be a duplicate of itself'),
    });
    expect(
      await refusal(linkDuplicate(db.prisma, { requestId: a, duplicateOfId: elsewhere, by: staff })),
    ).toMatchObject({
      field: 'duplicate_of_id',
      message: expect.stringContaining('another jurisdiction (shelbyville.gov)'),
    });
    expect(
      await refusal(linkDuplicate(db.prisma, { requestId: a, duplicateOfId: '999999999999', by: staff })),
    ).toMatchObject({ field: 'duplicate_of_id', reason: 'not_found' });
    expect(
      await refusal(
        linkDuplicate(db.prisma, {
          requestId: elsewhere,
          duplicateOfId: a,
          by: staff,
          jurisdictionId: 'springfield.gov',
        }),
      ),
    ).toMatchObject({ field: 'request_id', reason: 'not_found' });
    expect(
      await refusal(linkDuplicate(db.prisma, { requestId: 'abc', duplicateOfId: a, by: staff })),
    ).toMatchObject({
      field: 'request_id',
    });
    expect(
      await refusal(linkDuplicate(db.prisma, { requestId: a, duplicateOfId: b, by: 'somebody' })),
    ).toMatchObject({
      field: 'by',
    });

    // a → b → c is a chain; c → a would close it.
    await linkDuplicate(db.prisma, { requestId: a, duplicateOfId: b, by: staff });
    await linkDuplicate(db.prisma, { requestId: b, duplicateOfId: c, by: staff });
    expect(
      await refusal(linkDuplicate(db.prisma, { requestId: c, duplicateOfId: a, by: staff })),
    ).toMatchObject({
      field: 'duplicate_of_id',
      message: expect.stringContaining('would make a cycle'),
    });
    expect((await db.prisma.serviceRequest.findUniqueOrThrow({ where: { id: c } })).duplicateOfId).toBeNull();
    // Nothing was written for any refusal.
    expect(await db.prisma.timelineEvent.count({ where: { requestId: elsewhere } })).toBe(0);
  });

  it('keeps the chain acyclic when two staff link opposite ways at once', async () => {
    const { pothole } = city.services;
    const x = await addRequest(db.prisma, { service: pothole, at });
    const y = await addRequest(db.prisma, { service: pothole, at });
    const results = await Promise.allSettled([
      linkDuplicate(db.prisma, { requestId: x, duplicateOfId: y, by: staff }),
      linkDuplicate(db.prisma, { requestId: y, duplicateOfId: x, by: staff }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rows = await db.prisma.serviceRequest.findMany({ where: { id: { in: [x, y] } } });
    expect(rows.filter((r) => r.duplicateOfId !== null)).toHaveLength(1);
  });
});
