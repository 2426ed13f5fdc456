/**
 * GeoReport v2 conformance — `POST /requests.{fmt}`: form-urlencoded (and multipart) submissions,
 * the answer shape, attribute[] forms, liberal reading (charset or not, jurisdiction_id, lat + long +
 * address_string, empty = absent) and every refusal with its status, field and fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, startPlatform, type Platform } from '../support/platform.js';
import {
  addApiKey,
  errorDescriptions,
  parseOpen311Xml,
  postRaw,
  rowCounts,
  XML_TYPE,
  JSON_TYPE,
} from './open311-client.js';
import { CAPITOL } from './seed-requests.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('o311post');
  await platform.stopWorker();
});
afterAll(async () => platform?.stop());

const FORM = 'application/x-www-form-urlencoded';
const pothole: [string, string][] = [
  ['api_key', DEMO_API_KEY],
  ['service_code', 'pothole'],
  ['lat', String(CAPITOL.lat)],
  ['long', String(CAPITOL.long)],
  ['attribute[depth_cm]', '6'],
  ['attribute[location_type]', 'road'],
];
const form = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();
const post = (pairs: [string, string][], fmt = 'json', type = FORM) =>
  postRaw(platform, `/requests.${fmt}`, form(pairs), type);
const stored = (id: string) =>
  platform.app.db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(id) } });

describe('POST /requests — accepted submissions', () => {
  it('answers a list of one { service_request_id (string), service_notice, account_id } in JSON', async () => {
    const answer = await post(pothole);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe(JSON_TYPE);
    const body = JSON.parse(answer.text) as Record<string, unknown>[];
    expect(body).toHaveLength(1);
    expect(body[0]!.service_request_id).toMatch(/^\d+$/);
    expect(body[0]).toHaveProperty('service_notice');
    expect(body[0]).toHaveProperty('account_id');
    expect((await stored(body[0]!.service_request_id as string)).channel).toBe('open311');
  });

  it('answers <service_requests><request><service_request_id> in XML', async () => {
    const answer = await post(pothole, 'xml');
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe(XML_TYPE);
    const doc = parseOpen311Xml(answer.text) as {
      service_requests: { request: { service_request_id: string }[] };
    };
    expect(doc.service_requests.request).toHaveLength(1);
    expect(doc.service_requests.request[0]!.service_request_id).toMatch(/^\d+$/);
  });

  it('accepts the content type with or without charset, in any case, and multipart/form-data', async () => {
    for (const type of [
      `${FORM}; charset=utf-8`,
      `${FORM};charset=UTF-8`,
      'Application/X-WWW-Form-Urlencoded',
    ]) {
      expect((await post(pothole, 'json', type)).status).toBe(200);
    }
    const multipart = new FormData();
    for (const [k, v] of pothole) multipart.append(k, v);
    const response = await fetch(`${platform.baseUrl}/open311/v2/requests.json`, {
      method: 'POST',
      body: multipart,
    });
    expect(response.status).toBe(200);
  });

  it('reads attribute[code][]=a&attribute[code][]=b as a multivaluelist answer', async () => {
    const answer = await post([
      ['api_key', DEMO_API_KEY],
      ['service_code', 'missed-pickup'],
      ['address_string', '100 Main St'],
      ['attribute[bins][]', 'trash'],
      ['attribute[bins][]', 'recycling'],
    ]);
    expect(answer.status).toBe(200);
    const [{ service_request_id }] = JSON.parse(answer.text) as [{ service_request_id: string }];
    expect((await stored(service_request_id)).attributes).toMatchObject({ bins: ['trash', 'recycling'] });
  });

  it('accepts lat, long and address_string together, and jurisdiction_id on a single-jurisdiction endpoint', async () => {
    const answer = await post([
      ...pothole,
      ['address_string', '1 Capitol Ave'],
      ['jurisdiction_id', 'springfield.gov'],
    ]);
    expect(answer.status).toBe(200);
    const [{ service_request_id }] = JSON.parse(answer.text) as [{ service_request_id: string }];
    expect(await stored(service_request_id)).toMatchObject({ address: '1 Capitol Ave', lat: CAPITOL.lat });
  });

  it('treats empty optional fields as absent', async () => {
    const answer = await post([
      ...pothole,
      ['email', ''],
      ['phone', ''],
      ['description', ''],
      ['media_url', ''],
    ]);
    expect(answer.status).toBe(200);
    const [{ service_request_id }] = JSON.parse(answer.text) as [{ service_request_id: string }];
    expect(await stored(service_request_id)).toMatchObject({ email: null, phone: null, description: null });
  });
});

describe('POST /requests — refusals (nothing is stored)', () => {
  let before: Awaited<ReturnType<typeof rowCounts>>;
  beforeAll(async () => {
    before = await rowCounts(platform.app.db);
  });
  afterAll(async () => {
    expect(await rowCounts(platform.app.db)).toEqual(before);
  });

  const cases: { name: string; pairs: [string, string][]; status: number; errors: RegExp[] }[] = [
    { name: 'missing api_key', pairs: pothole.slice(1), status: 403, errors: [/^api_key: .*requires/] },
    {
      name: 'wrong api_key',
      pairs: [['api_key', 'nope'], ...pothole.slice(1)],
      status: 403,
      errors: [/^api_key: .*not valid/],
    },
    {
      name: 'unknown service',
      pairs: [
        ['api_key', DEMO_API_KEY],
        ['service_code', 'unicorn'],
        ['address_string', 'x'],
      ],
      status: 404,
      errors: [/^service_code: .*unicorn/],
    },
    {
      name: 'several problems at once, each naming its field and the fix',
      pairs: [
        ['api_key', DEMO_API_KEY],
        ['service_code', 'pothole'],
        ['email', 'not-an-email'],
        ['media_url', 'ftp://x'],
        ['attribute[location_type]', 'river'],
      ],
      status: 400,
      errors: [
        /^email: .*name@example\.org/,
        /^media_url: .*https?:\/\//,
        /^location: .*lat and long/,
        /^attribute\[depth_cm\]: /,
        /^attribute\[location_type\]: .*river/,
      ],
    },
    {
      name: 'an email address in the public description',
      pairs: [...pothole, ['description', 'Deep hole, reach me at jo@example.org']],
      status: 400,
      errors: [/^description: .*public.*email field/],
    },
    {
      name: 'a phone number in the public description',
      pairs: [...pothole, ['description', 'Deep hole, call 217-555-0100']],
      status: 400,
      errors: [/^description: .*public.*phone field/],
    },
    {
      name: 'an emergency',
      pairs: [...pothole, ['description', 'I smell gas next to the hole']],
      status: 400,
      errors: [/^description: .*call 911/],
    },
    {
      name: 'a plain field sent twice with different values',
      pairs: [...pothole, ['service_code', 'graffiti']],
      status: 400,
      errors: [/^service_code: sent twice/],
    },
  ];

  for (const { name, pairs, status, errors } of cases) {
    it(`${name} → ${status}`, async () => {
      for (const fmt of ['json', 'xml'] as const) {
        const answer = await post(pairs, fmt);
        expect(answer.status).toBe(status);
        if (fmt === 'xml') {
          const doc = parseOpen311Xml(answer.text) as {
            errors: { error: { code: string; description: string }[] };
          };
          expect(doc.errors.error.every((e) => e.code === String(status))).toBe(true);
          continue;
        }
        const descriptions = errorDescriptions(status, answer.text);
        for (const pattern of errors)
          expect(
            descriptions.some((d) => pattern.test(d)),
            String(pattern),
          ).toBe(true);
      }
    });
  }

  it('a revoked api_key → 403', async () => {
    await addApiKey(platform.app.db, 'springfield.gov', 'revoked-key-0123456789');
    await platform.app.db.apiKey.updateMany({
      where: { prefix: 'revoked-' },
      data: { revokedAt: new Date() },
    });
    before = await rowCounts(platform.app.db);
    const answer = await post([['api_key', 'revoked-key-0123456789'], ...pothole.slice(1)]);
    expect(answer.status).toBe(403);
    expect(errorDescriptions(403, answer.text)[0]).toMatch(/revoked/);
  });

  it('a body that is not form fields → 400 naming the expected content types', async () => {
    for (const type of ['application/json', 'text/plain', 'multipart/form-data']) {
      const answer = await postRaw(
        platform,
        '/requests.json',
        JSON.stringify({ service_code: 'pothole' }),
        type,
      );
      expect(answer.status).toBe(400);
      expect(errorDescriptions(400, answer.text)[0]).toMatch(/application\/x-www-form-urlencoded/);
    }
  });

  it('POST to anything but /requests → 404; other methods → 405 with Allow', async () => {
    expect((await postRaw(platform, '/services.json', form(pothole), FORM)).status).toBe(404);
    const put = await fetch(`${platform.baseUrl}/open311/v2/requests.json`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });
  // Last: the server answers before reading the whole body, so this connection is not reused.
  it('a body over the size limit → 413 with an Open311 error', async () => {
    // The limit leaves room for one photo (MEDIA_MAX_BYTES, 10 MB by default) besides the fields.
    const answer = await post([...pothole, ['description', 'x'.repeat(12 * 1024 * 1024)]]);
    expect(answer.status).toBe(413);
    expect(errorDescriptions(413, answer.text)[0]).toMatch(/too large/);
  });
});
