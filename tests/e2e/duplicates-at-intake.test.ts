/**
 * Duplicates at intake: a resident about to report sees the nearby open report of the same problem,
 * may follow it instead, and a report filed anyway carries its duplicate score for the workflow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, postForm, startPlatform, type Platform } from '../support/platform.js';
import { publicCaller } from '../support/staff.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('dupintake');
});
afterAll(async () => platform?.stop());

const pothole = (lat: string, long: string, description: string): [string, string][] => [
  ['api_key', DEMO_API_KEY],
  ['service_code', 'pothole'],
  ['lat', lat],
  ['long', long],
  ['description', description],
  ['attribute[depth_cm]', '5'],
  ['attribute[location_type]', 'road'],
];

async function file(fields: [string, string][]) {
  const response = await postForm(platform.baseUrl, '/open311/v2/requests.json', fields);
  expect(response.status).toBe(200);
  return ((await response.json()) as { service_request_id: string }[])[0]!.service_request_id;
}

describe('duplicates at intake', () => {
  it('shows the nearby report, lets the resident follow it, and scores a report filed anyway', async () => {
    const first = await file(pothole('39.78010', '-89.65010', 'Large pothole in front of the library'));
    const resident = await publicCaller(platform.app);

    const likely = await resident.duplicates.likely({
      service_code: 'pothole',
      lat: 39.7802,
      long: -89.6502,
      description: 'Big pothole in front of the library',
    });
    expect(likely.map((c) => c.service_request_id)).toEqual([first]);
    expect(likely[0]!.distance_m).toBeLessThan(20);

    const far = await resident.duplicates.likely({
      service_code: 'pothole',
      lat: 39.75,
      long: -89.6,
      description: 'hole',
    });
    expect(far).toEqual([]);

    const followed = await resident.duplicates.follow({
      service_request_id: first,
      email: 'Neighbour@Example.org',
    });
    expect(followed.alreadyFollowing).toBe(false);
    const again = await resident.duplicates.follow({
      service_request_id: first,
      email: 'neighbour@example.org',
    });
    expect(again).toEqual({ followerId: followed.followerId, alreadyFollowing: true });
    await expect(resident.duplicates.follow({ service_request_id: first })).rejects.toThrow(/email|phone/i);

    const second = await file(pothole('39.78015', '-89.65015', 'Pothole outside the library'));
    const { db } = platform.app;
    const scored = await db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(second) } });
    const unscored = await db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(first) } });
    expect(unscored.duplicateScore).toBe(0);
    expect(scored.duplicateScore).toBeGreaterThanOrEqual(0.65);
  });
});
