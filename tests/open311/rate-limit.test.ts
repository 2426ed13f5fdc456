/**
 * Our extension — per-key rate limit on POST /requests (60 a minute by default): over the limit the
 * client gets 429 with Retry-After and an Open311 error body; other keys are unaffected. The spec
 * lists 400, 403 and 404 only; 429 is the standard HTTP answer clients already handle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, startPlatform, type Platform } from '../support/platform.js';
import { addApiKey, errorDescriptions, parseOpen311Xml, postRaw } from './open311-client.js';

let platform: Platform;
const OTHER_KEY = 'second-integrator-0123456789';
beforeAll(async () => {
  platform = await startPlatform('o311rate');
  await platform.stopWorker();
  await addApiKey(platform.app.db, 'springfield.gov', OTHER_KEY);
});
afterAll(async () => platform?.stop());

/** A submission without a location: refused (400) but counted, so no rows pile up. */
const attempt = (key: string, fmt = 'json') =>
  postRaw(
    platform,
    `/requests.${fmt}`,
    `api_key=${key}&service_code=pothole`,
    'application/x-www-form-urlencoded',
  );

describe('POST /requests rate limit per api_key', () => {
  it('lets 60 POSTs a minute through, then answers 429 with Retry-After and an Open311 error', async () => {
    // The bucket refills continuously (one a second), so a few more get through while we send;
    // alternate the formats until a 429 has been seen in each.
    const started = Date.now();
    let accepted = 0;
    const limited: Partial<Record<'json' | 'xml', Awaited<ReturnType<typeof attempt>>>> = {};
    for (let i = 0; i < 300 && !(limited.json && limited.xml); i++) {
      const fmt = i % 2 ? 'xml' : 'json';
      const answer = await attempt(DEMO_API_KEY, fmt);
      if (answer.status === 429) limited[fmt] ??= answer;
      else if (!limited.json && !limited.xml) accepted++;
    }
    expect(accepted).toBeGreaterThanOrEqual(60);
    expect(accepted).toBeLessThanOrEqual(60 + Math.ceil((Date.now() - started) / 1000));
    const retryAfter = Number(limited.json?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(errorDescriptions(429, limited.json!.text)[0]).toMatch(/^api_key: .*too many.*wait \d+ seconds/);
    expect(parseOpen311Xml(limited.xml!.text)).toMatchObject({ errors: { error: [{ code: '429' }] } });
  });

  it('keeps a separate bucket for each key', async () => {
    expect((await attempt(OTHER_KEY)).status).toBe(400);
  });

  it('does not spend the budget on requests refused before the key is known', async () => {
    expect((await attempt('not-a-key')).status).toBe(403);
  });
});
