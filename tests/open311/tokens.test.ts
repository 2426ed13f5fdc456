/**
 * GeoReport v2 conformance — tokens: `GET /tokens/{token}.{fmt}` answers the request id behind a
 * tracking token as `<service_requests><request><service_request_id/><token/>`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, startPlatform, type Platform } from '../support/platform.js';
import { getBoth, postRaw } from './open311-client.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('o311tok');
  await platform.stopWorker();
});
afterAll(async () => platform?.stop());

describe('GET /tokens/{token}', () => {
  it('answers { service_request_id, token } for the token of a submitted request', async () => {
    const posted = await postRaw(
      platform,
      '/requests.json',
      `api_key=${DEMO_API_KEY}&service_code=park-maintenance&address_string=Washington+Park`,
      'application/x-www-form-urlencoded',
    );
    expect(posted.status).toBe(200);
    const [{ service_request_id }] = JSON.parse(posted.text) as [{ service_request_id: string }];
    const { token } = await platform.app.db.serviceRequest.findUniqueOrThrow({
      where: { id: BigInt(service_request_id) },
    });
    const { status, body } = await getBoth(platform, `/tokens/${token}`, 'service_requests');
    expect(status).toBe(200);
    expect(body).toEqual([{ service_request_id, token }]);
  });

  it('answers 404 for an unknown or malformed token, naming the token', async () => {
    for (const token of ['00000000-0000-4000-8000-000000000000', 'not-a-token', '1']) {
      const { status, body } = await getBoth<{ description: string }[]>(
        platform,
        `/tokens/${token}`,
        'errors',
      );
      expect(status).toBe(404);
      expect(body[0]!.description).toMatch(/^token: /);
    }
  });
});
