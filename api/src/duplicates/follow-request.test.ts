import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { DuplicateRefusedError } from './duplicate-errors.js';
import { addRequest, seedDuplicatesCity } from './duplicates.fixture.js';
import { followRequest } from './follow-request.js';

const at = new Date('2026-03-10T12:00:00Z');
const jurisdictionId = 'springfield.gov';

let db: TestDatabase;
let city: Awaited<ReturnType<typeof seedDuplicatesCity>>;
beforeAll(async () => {
  db = await createTestDatabase('duplicates_follow');
  city = await seedDuplicatesCity(db.prisma);
}, 60_000);
afterAll(async () => {
  await db?.drop();
}, 60_000);

const refused = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DuplicateRefusedError);
  return error as DuplicateRefusedError;
};

describe('followRequest', () => {
  it('adds a follower once per contact, ignoring case and phone formatting, and resubscribes', async () => {
    const requestId = (await addRequest(db.prisma, { service: city.services.pothole, at })).toString();
    const first = await followRequest(db.prisma, {
      jurisdictionId,
      requestId,
      email: ' Lisa@Example.org ',
      now: at,
    });
    expect(first.alreadyFollowing).toBe(false);
    const again = await followRequest(db.prisma, { jurisdictionId, requestId, email: 'lisa@example.org' });
    expect(again).toEqual({ followerId: first.followerId, alreadyFollowing: true });

    const byPhone = await followRequest(db.prisma, { jurisdictionId, requestId, phone: '+1 (217) 555-0100' });
    expect(byPhone.followerId).not.toBe(first.followerId);
    expect(
      (await followRequest(db.prisma, { jurisdictionId, requestId, phone: '+12175550100' })).followerId,
    ).toBe(byPhone.followerId);

    await db.prisma.requestFollower.update({
      where: { id: BigInt(first.followerId) },
      data: { unsubscribedAt: at },
    });
    await followRequest(db.prisma, { jurisdictionId, requestId, email: 'LISA@example.org' });
    const rows = await db.prisma.requestFollower.findMany({
      where: { requestId: BigInt(requestId) },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => [r.email, r.phone, r.unsubscribedAt])).toEqual([
      ['lisa@example.org', null, null],
      [null, '+12175550100', null],
    ]);
    expect(rows[0]?.createdAt).toEqual(at);
  });

  it('refuses without a contact, with a malformed one, for an unknown or closed request', async () => {
    const open = await addRequest(db.prisma, { service: city.services.pothole, at });
    const closed = await addRequest(db.prisma, { service: city.services.pothole, at, status: 'closed' });
    const elsewhere = await addRequest(db.prisma, { service: city.services.shelbyPothole, at });

    expect(
      await refused(followRequest(db.prisma, { jurisdictionId, requestId: open, email: ' ', phone: '' })),
    ).toMatchObject({
      field: 'email',
      message: expect.stringContaining('e-mail address or a phone number'),
    });
    expect(
      await refused(followRequest(db.prisma, { jurisdictionId, requestId: open, email: 'lisa@' })),
    ).toMatchObject({
      field: 'email',
    });
    expect(
      await refused(followRequest(db.prisma, { jurisdictionId, requestId: open, phone: '12ab' })),
    ).toMatchObject({
      field: 'phone',
    });
    expect(
      await refused(
        followRequest(db.prisma, { jurisdictionId, requestId: closed, email: 'bart@example.org' }),
      ),
    ).toMatchObject({ field: 'request_id', message: expect.stringContaining('already closed') });
    expect(
      await refused(
        followRequest(db.prisma, { jurisdictionId, requestId: elsewhere, email: 'bart@example.org' }),
      ),
    ).toMatchObject({ field: 'request_id', reason: 'not_found' });
    expect(
      await db.prisma.requestFollower.count({ where: { requestId: { in: [open, closed, elsewhere] } } }),
    ).toBe(0);
  });
});
