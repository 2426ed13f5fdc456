/**
 * Intake normalises whatever location a client sends (projected x/y with a spatial reference, an
 * address id from the city's address points) to WGS84, enriches it with ward and district, and
 * accepts a photo as multipart `media`, whose URL becomes the request's media_url.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromWgs84, haversineMetres } from '@civicdesk/api';
import { DEMO_API_KEY, postForm, startPlatform, type Platform } from '../support/platform.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('locations');
});
afterAll(async () => platform?.stop());

const streetlight: [string, string][] = [
  ['api_key', DEMO_API_KEY],
  ['service_code', 'streetlight-out'],
  ['attribute[light_state]', 'dark'],
];

async function stored(response: Response) {
  expect(response.status).toBe(200);
  const id = ((await response.json()) as { service_request_id: string }[])[0]!.service_request_id;
  return platform.app.db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(id) } });
}

describe('locations and photos at intake', () => {
  it('converts State Plane x/y (EPSG:3436, Illinois West, US feet) to the same point, with its ward', async () => {
    const point = { lat: 39.7817, long: -89.6501 };
    const { x, y } = fromWgs84(point.lat, point.long, 'EPSG:3436');
    const row = await stored(
      await postForm(platform.baseUrl, '/open311/v2/requests.json', [
        ...streetlight,
        ['x', x.toFixed(2)],
        ['y', y.toFixed(2)],
        ['spatial_reference', 'EPSG:3436'],
      ]),
    );
    expect(haversineMetres({ lat: row.lat!, long: row.long! }, point)).toBeLessThan(1);
    expect(row).toMatchObject({ spatialReference: 'EPSG:3436' });
    expect(row.ward).toMatch(/\S/);
    expect(row.district).toMatch(/\S/);
    const extended = (await (
      await fetch(`${platform.baseUrl}/open311/v2/requests/${row.id}.json?extensions=true`)
    ).json()) as { extended_attributes: { x: number; y: number; spatial_reference: string } }[];
    expect(extended[0]!.extended_attributes).toMatchObject({ spatial_reference: 'EPSG:3436' });
    expect(extended[0]!.extended_attributes.x).toBeCloseTo(x, 1);
  });

  it('places an address id from the city address points', async () => {
    const row = await stored(
      await postForm(platform.baseUrl, '/open311/v2/requests.json', [
        ...streetlight,
        ['address_id', 'SPR-00001'],
      ]),
    );
    expect(row).toMatchObject({ addressId: 'SPR-00001', lat: 39.80106, long: -89.642541, zipcode: '62701' });
    expect(row.address).toMatch(/423 E Adams St/);
  });

  it('refuses an unknown spatial reference and an unknown address id, naming the field', async () => {
    const response = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
      ...streetlight,
      ['x', '100'],
      ['y', '200'],
      ['spatial_reference', 'EPSG:999999'],
    ]);
    expect(response.status).toBe(400);
    const [error] = (await response.json()) as { description: string }[];
    expect(error!.description).toMatch(/^spatial_reference: /);
    const unknown = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
      ...streetlight,
      ['address_id', 'NOPE-1'],
    ]);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { description: string }[])[0]!.description).toMatch(/^address_id: /);
    expect(await platform.app.db.serviceRequest.count({ where: { addressId: 'NOPE-1' } })).toBe(0);
  });

  it('stores a multipart photo, links it as media_url and serves it without its metadata', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'resident' } })
      .toBuffer();
    const form = new FormData();
    for (const [k, v] of [...streetlight, ['lat', '39.79'], ['long', '-89.65']]) form.append(k!, v!);
    form.append('media', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'light.jpg');
    const row = await stored(
      await fetch(`${platform.baseUrl}/open311/v2/requests.json`, { method: 'POST', body: form }),
    );
    expect(row.mediaUrl).toMatch(/\/media\/[0-9a-f-]{36}\.jpg$/);
    const photo = await fetch(new URL(new URL(row.mediaUrl!).pathname, platform.baseUrl));
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    const served = Buffer.from(await photo.arrayBuffer());
    expect((await sharp(served).metadata()).exif).toBeUndefined();
    const media = await platform.app.db.media.findMany({ where: { requestId: row.id } });
    expect(media).toHaveLength(1);
  });
});
