/**
 * GeoReport v2 conformance — services: `GET /services.{fmt}` (the list) and
 * `GET /services/{service_code}.{fmt}` (the definition), every field the spec names, in JSON and XML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../support/platform.js';
import { get, getBoth } from './open311-client.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('o311svc');
  await platform.stopWorker();
});
afterAll(async () => platform?.stop());

interface ServiceEntry {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: string;
  keywords: string;
  group: string;
}
interface Definition {
  service_code: string;
  attributes: {
    variable: boolean;
    code: string;
    datatype: string;
    required: boolean;
    datatype_description: string;
    order: number;
    description: string;
    values?: { key: string; name: string }[];
  }[];
}

describe('GET /services', () => {
  it('lists every active service with the spec fields, as a bare JSON array and <services><service>', async () => {
    const { status, body } = await getBoth<ServiceEntry[]>(platform, '/services', 'services');
    expect(status).toBe(200);
    expect(body.length).toBe(7);
    for (const service of body) {
      expect(Object.keys(service).sort()).toEqual(
        ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'].sort(),
      );
      expect(typeof service.service_code).toBe('string');
      expect(typeof service.metadata).toBe('boolean');
      expect(['realtime', 'batch', 'blackbox']).toContain(service.type);
      expect(service.keywords).not.toMatch(/\[|\]/);
    }
    expect(body.find((s) => s.service_code === 'pothole')?.metadata).toBe(true);
  });

  it('leaves out a deactivated service', async () => {
    await platform.app.db.service.updateMany({ where: { code: 'graffiti' }, data: { active: false } });
    const { body } = await getBoth<ServiceEntry[]>(platform, '/services', 'services');
    expect(body.map((s) => s.service_code)).not.toContain('graffiti');
    expect((await get(platform, '/services/graffiti.json')).status).toBe(404);
    await platform.app.db.service.updateMany({ where: { code: 'graffiti' }, data: { active: true } });
  });
});

describe('GET /services/{service_code}', () => {
  it('defines the attributes with every field, orders unique and positive, values as key/name', async () => {
    const { status, body } = await getBoth<Definition>(platform, '/services/pothole', 'service_definition');
    expect(status).toBe(200);
    expect(body.service_code).toBe('pothole');
    const orders = body.attributes.map((a) => a.order);
    expect(new Set(orders).size).toBe(orders.length);
    expect(orders.every((o) => Number.isInteger(o) && o > 0)).toBe(true);
    expect([...orders].sort((a, b) => a - b)).toEqual(orders);
    for (const attribute of body.attributes) {
      expect(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']).toContain(
        attribute.datatype,
      );
      expect(typeof attribute.variable).toBe('boolean');
      expect(typeof attribute.required).toBe('boolean');
      expect(typeof attribute.datatype_description).toBe('string');
      expect(typeof attribute.description).toBe('string');
    }
    const location = body.attributes.find((a) => a.code === 'location_type');
    expect(location?.values?.map((v) => v.key)).toContain('park_path');
  });

  it('lists multivaluelist choices as <values><value><key>/<name>', async () => {
    const { body } = await getBoth<Definition>(platform, '/services/missed-pickup', 'service_definition');
    expect(body.attributes.find((a) => a.code === 'bins')?.datatype).toBe('multivaluelist');
  });

  it('answers 404 with an Open311 error for an unknown service code, in both formats', async () => {
    const { status, body } = await getBoth<{ code: number; description: string }[]>(
      platform,
      '/services/unicorn',
      'errors',
    );
    expect(status).toBe(404);
    expect(body).toEqual([
      { code: 404, description: expect.stringMatching(/^service_code: .*unicorn.*\/services/) },
    ]);
  });

  it('answers 404 when the format suffix is missing or unknown', async () => {
    expect((await get(platform, '/services/pothole')).status).toBe(404);
    expect((await get(platform, '/services.html')).status).toBe(404);
  });
});
