import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { addRequest, HERE, north, seedDuplicatesCity } from './duplicates.fixture.js';
import { findDuplicateCandidates } from './find-candidates.js';
import { duplicateScore } from './score.js';

const now = new Date('2026-03-10T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

let db: TestDatabase;
let city: Awaited<ReturnType<typeof seedDuplicatesCity>>;
beforeAll(async () => {
  db = await createTestDatabase('duplicates_find');
  city = await seedDuplicatesCity(db.prisma);
}, 60_000);
afterAll(async () => {
  await db?.drop();
}, 60_000);

const search = (extra: Partial<Parameters<typeof findDuplicateCandidates>[1]> = {}) =>
  findDuplicateCandidates(db.prisma, {
    jurisdictionId: 'springfield.gov',
    serviceCode: 'pothole',
    ...HERE,
    description: 'Deep pothole in the right lane',
    at: now,
    ...extra,
  });

describe('findDuplicateCandidates', () => {
  it('finds open requests of the same service within the radius and window, best first', async () => {
    const { pothole, graffiti, shelbyPothole } = city.services;
    const sameWords80m = await addRequest(db.prisma, {
      service: pothole,
      ...north(80),
      at: daysAgo(2),
      description: 'deep pothole, right lane',
    });
    const otherWordsHere = await addRequest(db.prisma, {
      service: pothole,
      at: daysAgo(1),
      description: 'Road surface cracked near the kerb',
    });
    const noWords200m = await addRequest(db.prisma, { service: pothole, ...north(200), at: daysAgo(20) });
    // None of these may come back:
    const closed = await addRequest(db.prisma, { service: pothole, at: daysAgo(1), status: 'closed' });
    await addRequest(db.prisma, { service: pothole, ...north(300), at: daysAgo(1) }); // beyond 250 m
    await addRequest(db.prisma, { service: pothole, at: daysAgo(31) }); // outside 30 days
    await addRequest(db.prisma, { service: pothole, at: new Date(now.getTime() + 60_000) }); // after the report
    await addRequest(db.prisma, { service: pothole, at: daysAgo(1), duplicateOfId: closed }); // linked duplicate
    await addRequest(db.prisma, { service: graffiti, at: daysAgo(1) }); // other service
    await addRequest(db.prisma, { service: shelbyPothole, at: daysAgo(1) }); // other jurisdiction

    const candidates = await search();
    expect(candidates.map((c) => c.service_request_id)).toEqual([
      sameWords80m.toString(),
      otherWordsHere.toString(),
      noWords200m.toString(),
    ]);
    const [first, second, third] = candidates;
    expect(first).toMatchObject({ service_code: 'pothole', description: 'deep pothole, right lane' });
    expect(first?.distance_m).toBeCloseTo(80, 0);
    expect(first?.age_days).toBeCloseTo(2, 3);
    expect(first?.requested_datetime).toBe(daysAgo(2).toISOString());
    expect(first?.text_similarity).toBeGreaterThan(0.5);
    expect(second?.distance_m).toBe(0);
    expect(second?.text_similarity).toBeLessThan(0.2);
    expect(third?.text_similarity).toBeNull();
    expect(third?.distance_m).toBeCloseTo(200, 0);
    for (const c of candidates) expect(c.score).toBeGreaterThan(0);
    expect(duplicateScore(candidates)).toBe(first?.score);
  });

  it('uses each service its own radius and window', async () => {
    const { graffiti } = city.services;
    const near = await addRequest(db.prisma, { service: graffiti, ...north(90), at: daysAgo(6) });
    await addRequest(db.prisma, { service: graffiti, ...north(150), at: daysAgo(1) }); // beyond 100 m
    await addRequest(db.prisma, { service: graffiti, ...north(10), at: daysAgo(8) }); // outside 7 days
    const candidates = await search({ serviceCode: 'graffiti', description: null, ...north(0) });
    expect(candidates.map((c) => c.service_request_id)).toContain(near.toString());
    expect(candidates.every((c) => c.distance_m <= 100 && c.age_days <= 7)).toBe(true);
    expect(candidates.every((c) => c.text_similarity === null)).toBe(true);
  });

  it('returns at most `limit`, nothing for an unknown service or an empty place, and rejects bad coordinates', async () => {
    expect(await search({ limit: 1 })).toHaveLength(1);
    expect(await search({ serviceCode: 'no-such-service' })).toEqual([]);
    expect(await search({ lat: HERE.lat + 1 })).toEqual([]);
    await expect(search({ lat: 91 })).rejects.toThrow(/lat must be between -90 and 90/);
    await expect(search({ long: Number.NaN })).rejects.toThrow(/long must be between/);
  });

  it('runs inside an intake transaction too', async () => {
    const inTx = await db.prisma.$transaction((tx) =>
      findDuplicateCandidates(tx, {
        ...HERE,
        jurisdictionId: 'springfield.gov',
        serviceCode: 'pothole',
        at: now,
      }),
    );
    expect(inTx.length).toBeGreaterThan(0);
  });
});
