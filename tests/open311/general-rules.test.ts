/**
 * GeoReport v2 conformance — the general rules, checked across every resource: format by path
 * suffix, exact content types, the XML declaration without a namespace, the error body shape for
 * each error status, identifiers as strings, and datetimes with a zone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, startPlatform, type Platform } from '../support/platform.js';
import { get, JSON_TYPE, parseOpen311Xml, postRaw, XML_DECLARATION, XML_TYPE } from './open311-client.js';

let platform: Platform;
let requestId = '';
let token = '';
beforeAll(async () => {
  platform = await startPlatform('o311rules');
  await platform.stopWorker();
  const posted = await postRaw(
    platform,
    '/requests.json',
    `api_key=${DEMO_API_KEY}&service_code=park-maintenance&address_string=Washington+Park`,
    'application/x-www-form-urlencoded',
  );
  requestId = (JSON.parse(posted.text) as [{ service_request_id: string }])[0].service_request_id;
  ({ token } = await platform.app.db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(requestId) } }));
});
afterAll(async () => platform?.stop());

const resources = () => [
  '/discovery',
  '/services',
  '/services/pothole',
  '/requests',
  `/requests/${requestId}`,
  `/tokens/${token}`,
  '/servicerequestupdates',
];

describe('general rules', () => {
  it('serves every resource in JSON and XML by path suffix, with the exact content types', async () => {
    for (const path of resources()) {
      const json = await get(platform, `${path}.json`);
      expect([path, json.status, json.contentType]).toEqual([path, 200, JSON_TYPE]);
      JSON.parse(json.text);
      const xml = await get(platform, `${path}.xml`);
      expect([path, xml.status, xml.contentType]).toEqual([path, 200, XML_TYPE]);
      expect(xml.text.startsWith(XML_DECLARATION)).toBe(true);
      parseOpen311Xml(xml.text);
    }
  });

  it('sends identifiers as strings and datetimes with a zone, never bare numbers', async () => {
    for (const path of resources()) {
      const text = (await get(platform, `${path}.json?extensions=true`)).text;
      expect(text, path).not.toMatch(
        /"(service_request_id|service_code|address_id|zipcode|update_id|token)":\s*\d/,
      );
      for (const [, value] of text.matchAll(/"(?:\w+_datetime|datetime|changeset)":"([^"]*)"/g)) {
        expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      }
    }
  });

  it('answers each error status with <errors><error><code>/<description> and its JSON mirror', async () => {
    const cases: [string, number, RequestInit?][] = [
      ['/requests.xml?status=pending', 400],
      ['/services/unicorn.xml', 404],
      [
        '/requests.xml',
        403,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'service_code=pothole',
        },
      ],
    ];
    for (const [path, status, init] of cases) {
      const xml = await get(platform, path, init);
      expect(xml.status).toBe(status);
      expect(xml.contentType).toBe(XML_TYPE);
      const doc = parseOpen311Xml(xml.text) as { errors: { error: { code: string; description: string }[] } };
      expect(Object.keys(doc)).toEqual(['errors']);
      for (const error of doc.errors.error) {
        expect(Object.keys(error)).toEqual(['code', 'description']);
        expect(error.code).toBe(String(status));
        expect(error.description.length).toBeGreaterThan(15);
      }
      const json = await get(platform, path.replace('.xml', '.json'), init);
      expect(json.contentType).toBe(JSON_TYPE);
      expect(JSON.parse(json.text)).toEqual(
        doc.errors.error.map((e) => ({ code: status, description: e.description })),
      );
    }
  });

  it('answers 404 in JSON when the path has no or an unknown format suffix', async () => {
    for (const path of ['/services', '/services.yaml', '/requests/1', '/nothing.json']) {
      const answer = await get(platform, path);
      expect([path, answer.status, answer.contentType]).toEqual([path, 404, JSON_TYPE]);
    }
  });
});
