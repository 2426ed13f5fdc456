import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readGeoFolder } from './geo-files.js';
import { createGoogleGeocoder } from './geocoders/google.js';
import { createOfflineGeocoder } from './geocoders/offline.js';
import {
  startRecordedGeocoderServer,
  type RecordedGeocoderServer,
} from './geocoders/recorded-geocoder-server.js';
import { haversineMetres } from './haversine.js';
import { createLocator } from './locator.js';
import { fromWgs84 } from './projections.js';

const pack = new URL('../../../examples/springfield/', import.meta.url);
const city = parse(readFileSync(new URL('city.yaml', pack), 'utf8')) as {
  jurisdiction: { boundary: unknown };
};
const geo = readGeoFolder(new URL('geo', pack).pathname);
const addresses = createOfflineGeocoder(geo.addressPoints);
const springfield = {
  boundary: city.jurisdiction.boundary,
  areas: geo.areas,
  addresses,
  jurisdictionName: 'City of Springfield',
};
const locator = createLocator(springfield);
const monroe = { lat: 39.80036, long: -89.645817 }; // 273 E Monroe St, SPR-00055, downtown

let server: RecordedGeocoderServer;
beforeAll(async () => {
  server = await startRecordedGeocoderServer();
});
afterAll(async () => {
  await server?.close();
});

describe('locate: coordinates', () => {
  it('enriches a point with its district, ward and service area', async () => {
    expect(await locator.locate(monroe)).toEqual({
      ok: true,
      location: { ...monroe, district: 'district-2', ward: 'ward-2', service_area: 'downtown' },
    });
  });

  it('respects holes and multipolygons: none in the Capitol grounds, lakeside in either part', async () => {
    const capitol = await locator.locate({ lat: 39.798, long: -89.654 });
    expect(capitol).toMatchObject({ ok: true, location: { ward: 'ward-2' } });
    expect(capitol.ok && capitol.location.service_area).toBeUndefined();
    for (const lake of [
      { lat: 39.71, long: -89.61 },
      { lat: 39.71, long: -89.57 },
    ])
      expect(await locator.locate(lake)).toMatchObject({
        ok: true,
        location: { ward: 'ward-6', service_area: 'lakeside' },
      });
  });

  it('takes lat, long and address_string together (Chicago-style): lat/long win, the address is kept', async () => {
    const result = await locator.locate({
      lat: '39.80036',
      long: '-89.645817',
      address_string: 'by the bus stop, Monroe',
    });
    expect(result).toEqual({
      ok: true,
      location: {
        ...monroe,
        address: 'by the bus stop, Monroe',
        district: 'district-2',
        ward: 'ward-2',
        service_area: 'downtown',
      },
    });
  });

  it('refuses points outside the city on the lat field', async () => {
    expect(await locator.locate({ lat: 40.7128, long: -74.006 })).toEqual({
      ok: false,
      errors: [
        {
          field: 'lat',
          message:
            'The location 40.7128, -74.006 is outside City of Springfield. Check it, or contact the city or county responsible for that place.',
        },
      ],
    });
  });

  it('names the field of every malformed coordinate', async () => {
    expect(await locator.locate({ lat: 39.8 })).toMatchObject({ ok: false, errors: [{ field: 'long' }] });
    expect(await locator.locate({ lat: 'north', long: -89.6 })).toMatchObject({
      ok: false,
      errors: [{ field: 'lat', message: expect.stringContaining('"north" is not a number') }],
    });
    expect(await locator.locate({ lat: 139.8, long: -89.6 })).toMatchObject({
      ok: false,
      errors: [{ field: 'lat' }],
    });
    expect(await locator.locate({})).toMatchObject({ ok: false, errors: [{ field: 'location' }] });
  });
});

describe('locate: projected x/y', () => {
  it('converts Illinois West State Plane and ArcGIS Web Mercator, keeping what was sent', async () => {
    const stateplane = fromWgs84(monroe.lat, monroe.long, 'EPSG:3436');
    const fromStatePlane = await locator.locate({ ...stateplane, spatial_reference: '3436' });
    expect(fromStatePlane).toMatchObject({
      ok: true,
      location: { ...stateplane, spatial_reference: 'EPSG:3436', ward: 'ward-2', service_area: 'downtown' },
    });
    if (!fromStatePlane.ok) throw new Error('unreachable');
    expect(haversineMetres(fromStatePlane.location as typeof monroe, monroe)).toBeLessThan(0.2);

    const mercator = fromWgs84(monroe.lat, monroe.long, 'EPSG:3857');
    const fromArcgis = await locator.locate({
      x: String(mercator.x),
      y: String(mercator.y),
      spatial_reference: { wkid: 102100, latestWkid: 3857 },
    });
    expect(fromArcgis).toMatchObject({
      ok: true,
      location: { spatial_reference: 'EPSG:3857', district: 'district-2' },
    });
  });

  it('asks for the spatial reference, refuses unknown ones, and refuses x/y outside the city on x', async () => {
    expect(await locator.locate({ x: 1, y: 2 })).toMatchObject({
      ok: false,
      errors: [
        { field: 'spatial_reference', message: expect.stringContaining('e.g. spatial_reference=EPSG:2263') },
      ],
    });
    expect(await locator.locate({ x: 1, y: 2, spatial_reference: 'EPSG:27700' })).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'spatial_reference',
          message: expect.stringContaining('EPSG:27700 is not supported; use one of'),
        },
      ],
    });
    // A real NYC 311 record's State Plane point: valid, but not in Springfield.
    expect(await locator.locate({ x: 1056941, y: 185959, spatial_reference: 'EPSG:2263' })).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'x',
          message: expect.stringMatching(
            /^x 1056941, y 185959 in EPSG:2263 is at 40.6767\d*, -73.7379\d*, which is outside/,
          ),
        },
      ],
    });
  });

  it("answers x/y in the city's own system when configured", async () => {
    const withStatePlane = createLocator({ ...springfield, spatialReference: 'EPSG:3436' });
    const result = await withStatePlane.locate(monroe);
    const expected = fromWgs84(monroe.lat, monroe.long, 'EPSG:3436');
    expect(result).toMatchObject({ ok: true, location: { ...expected, spatial_reference: 'EPSG:3436' } });
  });
});

describe('locate: addresses', () => {
  it('resolves an address id to its point', async () => {
    expect(await locator.locate({ address_id: 'SPR-00055' })).toEqual({
      ok: true,
      location: {
        ...monroe,
        address: '273 E Monroe St',
        address_id: 'SPR-00055',
        zipcode: '62701',
        district: 'district-2',
        ward: 'ward-2',
        service_area: 'downtown',
      },
    });
    expect(await locator.locate({ address_id: 'SPR-99999' })).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'address_id',
          message: expect.stringContaining('City of Springfield has no address with id "SPR-99999"'),
        },
      ],
    });
  });

  it('geocodes an address string with the offline address book', async () => {
    expect(await locator.locate({ address_string: '273 East Monroe Street, Springfield IL' })).toMatchObject({
      ok: true,
      location: {
        ...monroe,
        address: '273 E Monroe St',
        address_id: 'SPR-00055',
        zipcode: '62701',
        ward: 'ward-2',
        geocoded: { source: 'offline', score: 100 },
      },
    });
  });

  it('keeps an address it cannot find as written, without a point, saying what was close', async () => {
    expect(await locator.locate({ address_string: '275 E Monroe St' })).toEqual({
      ok: true,
      location: { address: '275 E Monroe St' },
      warning: expect.stringContaining('Did you mean "273 E Monroe St"'),
    });
  });

  it('suggests the closest addresses when one is not found and refusing was asked for', async () => {
    const strict = createLocator({ ...springfield, unmatchedAddress: 'refuse' });
    expect(await strict.locate({ address_string: '275 E Monroe St' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'address_string',
          message: expect.stringMatching(
            /^We could not find "275 E Monroe St" in City of Springfield\. Did you mean "273 E Monroe St", "[^"]+", "[^"]+"\? Check the house number/,
          ),
        },
      ],
    });
  });

  it('uses a hosted geocoder when configured, refusing its answers outside the city', async () => {
    const google = createLocator({
      ...springfield,
      unmatchedAddress: 'refuse',
      geocoder: createGoogleGeocoder({ baseUrl: server.baseUrl, apiKey: 'k', timeoutMs: 300 }),
    });
    server.answer({ fixture: 'google-geocode-ok.json' });
    expect(await google.locate({ address_string: '300 S 7th St' })).toMatchObject({
      ok: true,
      location: {
        lat: 39.7993851,
        long: -89.6475023,
        zipcode: '62701',
        geocoded: { source: 'google', accuracy: 'ROOFTOP' },
      },
    });
    server.answer({ fixture: 'google-geocode-outside.json' });
    expect(await google.locate({ address_string: '1 Centre St' })).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'address_string',
          message: expect.stringContaining('was found at 40.712775, -74.004059, which is outside'),
        },
      ],
    });
    server.answer({ fixture: 'google-zero-results.json' });
    expect(await google.locate({ address_string: '273 E Monroe' })).toMatchObject({
      ok: false,
      errors: [
        { field: 'address_string', message: expect.stringContaining('Did you mean "273 E Monroe St"') },
      ],
    });
  });

  it('keeps the address without a point when the geocoder is down, so no report is lost', async () => {
    const google = createLocator({
      ...springfield,
      geocoder: createGoogleGeocoder({ baseUrl: server.baseUrl, apiKey: 'k', timeoutMs: 300 }),
    });
    server.answer({ status: 500 });
    expect(await google.locate({ address_string: '300 S 7th St' })).toEqual({
      ok: true,
      location: { address: '300 S 7th St' },
      warning: expect.stringContaining('HTTP 500'),
    });
  });
});
