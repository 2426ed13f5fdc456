/**
 * GeoReport v2 conformance — one endpoint, two jurisdictions: `jurisdiction_id` becomes required
 * (400 without it), an unknown one is 404, and every resource and api_key stays inside its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, startPlatform, type Platform } from '../support/platform.js';
import { addApiKey, errorDescriptions, get, getBoth, postRaw } from './open311-client.js';

let platform: Platform;
const SHELBYVILLE_KEY = 'shelbyville-key-0123456789';
beforeAll(async () => {
  platform = await startPlatform('o311jur');
  await platform.stopWorker();
  const db = platform.app.db;
  await db.jurisdiction.create({
    data: { id: 'shelbyville.gov', name: 'Shelbyville', timezone: 'America/Chicago' },
  });
  const department = await db.department.create({
    data: { jurisdictionId: 'shelbyville.gov', code: 'works', name: 'Shelbyville Works' },
  });
  await db.service.create({
    data: {
      jurisdictionId: 'shelbyville.gov',
      code: 'lemon-tree',
      name: 'Lemon tree damage',
      departmentId: department.id,
    },
  });
  await addApiKey(db, 'shelbyville.gov', SHELBYVILLE_KEY);
});
afterAll(async () => platform?.stop());

const submit = (pairs: [string, string][]) =>
  postRaw(
    platform,
    '/requests.json',
    new URLSearchParams(pairs).toString(),
    'application/x-www-form-urlencoded',
  );

describe('two jurisdictions on one endpoint', () => {
  it('requires jurisdiction_id on every resource, saying how to fix it', async () => {
    for (const path of [
      '/discovery',
      '/services',
      '/services/pothole',
      '/requests',
      '/requests/1',
      '/servicerequestupdates',
    ]) {
      const { status, body } = await getBoth<{ description: string }[]>(platform, path, 'errors');
      expect(status, path).toBe(400);
      expect(body[0]!.description).toMatch(/^jurisdiction_id: .*add jurisdiction_id/);
    }
  });

  it('answers 404 for an unknown jurisdiction_id', async () => {
    const { status } = await getBoth(platform, '/services?jurisdiction_id=capital-city.gov', 'errors');
    expect(status).toBe(404);
  });

  it('serves each jurisdiction its own catalogue', async () => {
    const springfield = await getBoth<{ service_code: string }[]>(
      platform,
      '/services?jurisdiction_id=springfield.gov',
      'services',
    );
    const shelbyville = await getBoth<{ service_code: string }[]>(
      platform,
      '/services?jurisdiction_id=shelbyville.gov',
      'services',
    );
    expect(springfield.body.map((s) => s.service_code)).toContain('pothole');
    expect(shelbyville.body.map((s) => s.service_code)).toEqual(['lemon-tree']);
    expect((await get(platform, '/services/pothole.json?jurisdiction_id=shelbyville.gov')).status).toBe(404);
  });

  it('keeps api_keys and requests inside their jurisdiction', async () => {
    const base: [string, string][] = [
      ['service_code', 'lemon-tree'],
      ['address_string', '1 Elm St'],
    ];
    const without = await submit([['api_key', SHELBYVILLE_KEY], ...base]);
    expect(without.status).toBe(400);
    expect(errorDescriptions(400, without.text)[0]).toMatch(/^jurisdiction_id: /);
    const wrongKey = await submit([
      ['api_key', DEMO_API_KEY],
      ['jurisdiction_id', 'shelbyville.gov'],
      ...base,
    ]);
    expect(wrongKey.status).toBe(403);
    const ok = await submit([['api_key', SHELBYVILLE_KEY], ['jurisdiction_id', 'shelbyville.gov'], ...base]);
    expect(ok.status).toBe(200);
    const [{ service_request_id }] = JSON.parse(ok.text) as [{ service_request_id: string }];
    const viaQuery = await postRaw(
      platform,
      '/requests.json?jurisdiction_id=shelbyville.gov',
      new URLSearchParams([['api_key', SHELBYVILLE_KEY], ...base]).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(viaQuery.status).toBe(200);

    const own = await getBoth<{ service_request_id: string }[]>(
      platform,
      `/requests/${service_request_id}?jurisdiction_id=shelbyville.gov`,
      'service_requests',
    );
    expect(own.body[0]!.service_request_id).toBe(service_request_id);
    expect(
      (await get(platform, `/requests/${service_request_id}.json?jurisdiction_id=springfield.gov`)).status,
    ).toBe(404);
    const springfieldList = await getBoth<{ service_request_id: string }[]>(
      platform,
      '/requests?jurisdiction_id=springfield.gov',
      'service_requests',
    );
    expect(springfieldList.body.map((r) => r.service_request_id)).not.toContain(service_request_id);
    const { token } = await platform.app.db.serviceRequest.findUniqueOrThrow({
      where: { id: BigInt(service_request_id) },
    });
    expect((await get(platform, `/tokens/${token}.json?jurisdiction_id=springfield.gov`)).status).toBe(404);
    expect((await get(platform, `/tokens/${token}.json?jurisdiction_id=shelbyville.gov`)).status).toBe(200);
  });
});
