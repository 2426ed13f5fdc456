/**
 * GeoReport v2 conformance — discovery (`GET /discovery.{fmt}`): the required document, its fields,
 * and a changeset that moves when the service catalogue changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../support/platform.js';
import { getBoth, ISO_WITH_ZONE } from './open311-client.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('o311disc');
  await platform.stopWorker();
});
afterAll(async () => platform?.stop());

interface Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: { specification: string; url: string; changeset: string; type: string; formats: string[] }[];
}

describe('GET /discovery', () => {
  it('lists the endpoint with the specification, url, type and MIME formats, identically in JSON and XML', async () => {
    const { status, body } = await getBoth<Discovery>(platform, '/discovery', 'discovery');
    expect(status).toBe(200);
    expect(body.changeset).toMatch(ISO_WITH_ZONE);
    expect(body.contact).not.toBe('');
    expect(body.key_service).not.toBe('');
    expect(body.endpoints).toHaveLength(1);
    const [endpoint] = body.endpoints;
    expect(endpoint).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      changeset: body.changeset,
    });
    expect(endpoint!.url).toMatch(/\/open311\/v2$/);
    expect(['production', 'test']).toContain(endpoint!.type);
    expect(endpoint!.formats.sort()).toEqual(['application/json', 'text/xml']);
  });

  it('moves the changeset forward when a service changes, so clients refresh their lists', async () => {
    const before = (await getBoth<Discovery>(platform, '/discovery', 'discovery')).body.changeset;
    await new Promise((r) => setTimeout(r, 1100));
    await platform.app.db.service.updateMany({
      where: { code: 'graffiti' },
      data: { name: 'Graffiti removal' },
    });
    const after = (await getBoth<Discovery>(platform, '/discovery', 'discovery')).body.changeset;
    expect(after > before).toBe(true);
  });

  it('accepts jurisdiction_id on a single-jurisdiction endpoint, and 404s an unknown one', async () => {
    expect((await getBoth(platform, '/discovery?jurisdiction_id=springfield.gov', 'discovery')).status).toBe(
      200,
    );
    const unknown = await getBoth<{ code: number; description: string }[]>(
      platform,
      '/discovery?jurisdiction_id=shelbyville.gov',
      'errors',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body[0]!.description).toMatch(/^jurisdiction_id: .*shelbyville\.gov/);
  });
});
