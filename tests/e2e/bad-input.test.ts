/**
 * Malformed Open311 POSTs: each gets the Open311 error body with the right HTTP status and a
 * message naming the field; the database gains no row from any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, postForm, startPlatform, type Platform } from '../support/platform.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('badinput');
});
afterAll(async () => platform?.stop());

const valid: [string, string][] = [
  ['api_key', DEMO_API_KEY],
  ['service_code', 'pothole'],
  ['lat', '39.78'],
  ['long', '-89.65'],
  ['attribute[depth_cm]', '5'],
  ['attribute[location_type]', 'road'],
];
const without = (name: string) => valid.filter(([k]) => k !== name);
const replace = (name: string, value: string) =>
  valid.map(([k, v]): [string, string] => [k, k === name ? value : v]);

const cases: { name: string; fields: [string, string][]; status: number; field: RegExp }[] = [
  {
    name: 'unknown service',
    fields: replace('service_code', 'unicorn-sighting'),
    status: 404,
    field: /^service_code: .*unicorn-sighting/,
  },
  {
    name: 'missing required attribute',
    fields: without('attribute[depth_cm]'),
    status: 400,
    field: /^attribute\[depth_cm\]: .*required/,
  },
  {
    name: 'attribute value not in the list',
    fields: replace('attribute[location_type]', 'river'),
    status: 400,
    field: /^attribute\[location_type\]: .*river/,
  },
  { name: 'lat without long', fields: without('long'), status: 400, field: /^long: / },
  {
    name: 'description over 4000 characters',
    fields: [...valid, ['description', 'x'.repeat(4001)]],
    status: 400,
    field: /^description: .*4001.*4000/,
  },
  {
    name: 'no location at all',
    fields: without('lat').filter(([k]) => k !== 'long'),
    status: 400,
    field: /^location: .*lat.*address_string/,
  },
  {
    name: 'point outside the city',
    fields: replace('lat', '40.9'),
    status: 400,
    field: /^lat: .*outside City of Springfield/,
  },
  { name: 'missing api_key', fields: without('api_key'), status: 403, field: /^api_key: / },
  {
    name: 'wrong api_key',
    fields: replace('api_key', 'not-a-real-key-123'),
    status: 403,
    field: /^api_key: /,
  },
];

async function rowCounts() {
  const { db } = platform.app;
  return {
    requests: await db.serviceRequest.count(),
    timeline: await db.timelineEvent.count(),
    outbox: await db.outboxMessage.count(),
    tasks: await db.task.count(),
  };
}

describe('bad Open311 input', () => {
  it.each(cases)('$name → $status naming the field, nothing stored', async ({ fields, status, field }) => {
    const response = await postForm(platform.baseUrl, '/open311/v2/requests.json', fields);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const errors = (await response.json()) as { code: number; description: string }[];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.code === status)).toBe(true);
    expect(errors.map((e) => e.description)).toContainEqual(expect.stringMatching(field));
    expect(await rowCounts()).toEqual({ requests: 0, timeline: 0, outbox: 0, tasks: 0 });
  });

  it('reports several problems together, in XML too', async () => {
    const fields = without('long').filter(([k]) => k !== 'attribute[depth_cm]');
    const response = await postForm(platform.baseUrl, '/open311/v2/requests.xml', fields);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const xml = await response.text();
    expect(
      xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>400</code><description>'),
    ).toBe(true);
    expect(xml).toMatch(/<description>long: /);
    expect(xml).toMatch(/<description>attribute\[depth_cm\]: /);
    expect(await rowCounts()).toEqual({ requests: 0, timeline: 0, outbox: 0, tasks: 0 });
  });

  it('refuses a body that is not form fields', async () => {
    const response = await fetch(`${platform.baseUrl}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service_code: 'pothole' }),
    });
    expect(response.status).toBe(400);
    const [error] = (await response.json()) as { description: string }[];
    expect(error!.description).toMatch(/form fields/);
    expect(await rowCounts()).toEqual({ requests: 0, timeline: 0, outbox: 0, tasks: 0 });
  });
});
