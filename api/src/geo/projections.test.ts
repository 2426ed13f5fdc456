import { describe, expect, it } from 'vitest';
import { haversineMetres } from './haversine.js';
import { fromWgs84, parseSpatialReference, supportedSpatialReferences, toWgs84 } from './projections.js';

// Web Mercator by its textbook formula, to check proj4 against something independent.
const R = 6378137;
const mercator = (lat: number, long: number) => ({
  x: (R * long * Math.PI) / 180,
  y: R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
});

describe('parseSpatialReference', () => {
  it.each([
    ['EPSG:2263', 'EPSG:2263'],
    ['epsg:2263', 'EPSG:2263'],
    [' 2263 ', 'EPSG:2263'],
    [2263, 'EPSG:2263'],
    ['urn:ogc:def:crs:EPSG::3435', 'EPSG:3435'],
    ['102100', 'EPSG:3857'],
    [{ wkid: 102100, latestWkid: 3857 }, 'EPSG:3857'],
    [{ wkid: 102113 }, 'EPSG:3857'],
    ['{"wkid":102100,"latestWkid":3857}', 'EPSG:3857'],
    ['EPSG:4326', 'EPSG:4326'],
  ])('reads %j as %s', (input, code) => {
    expect(parseSpatialReference(input)).toEqual({ ok: true, code });
  });

  it('refuses an unknown system naming the field and what is supported', () => {
    const result = parseSpatialReference('EPSG:27700');
    expect(result).toEqual({
      ok: false,
      error: {
        field: 'spatial_reference',
        message: expect.stringMatching(
          /^EPSG:27700 is not supported; use one of EPSG:4326, EPSG:3857, EPSG:2263, EPSG:3435/,
        ),
      },
    });
    expect(parseSpatialReference({ wkid: 2000 }).ok).toBe(false);
    expect(parseSpatialReference('web mercator').ok).toBe(false);
    expect(supportedSpatialReferences()).toContain('EPSG:102100');
  });
});

describe('toWgs84 / fromWgs84', () => {
  it('matches the Web Mercator formula for EPSG:3857 and ArcGIS 102100', () => {
    const point = { lat: 39.7817, long: -89.6501 };
    const { x, y } = mercator(point.lat, point.long);
    expect(fromWgs84(point.lat, point.long, 'EPSG:3857').x).toBeCloseTo(x, 3);
    expect(fromWgs84(point.lat, point.long, 'EPSG:3857').y).toBeCloseTo(y, 3);
    expect(haversineMetres(toWgs84(x, y, 'EPSG:102100'), point)).toBeLessThan(0.001);
  });

  it('passes WGS84 through', () => {
    expect(toWgs84(-89.65, 39.78, 'EPSG:4326')).toEqual({ lat: 39.78, long: -89.65 });
  });

  // A point inside each State Plane zone: converting there and back must return within a millimetre,
  // and the projected value must lie near the zone's false origin (a wrong definition lands far off).
  it.each([
    ['EPSG:2263', 40.71, -74.0],
    ['EPSG:3435', 41.88, -87.63],
    ['EPSG:3436', 39.78, -89.65],
    ['EPSG:2227', 37.77, -122.42],
    ['EPSG:2229', 34.05, -118.24],
    ['EPSG:2230', 32.72, -117.16],
    ['EPSG:2276', 32.78, -96.8],
    ['EPSG:2277', 30.27, -97.74],
    ['EPSG:2278', 29.76, -95.37],
    ['EPSG:2249', 42.36, -71.06],
    ['EPSG:2272', 39.95, -75.17],
    ['EPSG:2264', 35.78, -78.64],
    ['EPSG:2285', 47.61, -122.33],
  ])('round-trips a city in %s', (code, lat, long) => {
    const { x, y } = fromWgs84(lat, long, code);
    expect(Math.abs(x)).toBeLessThan(1e7);
    expect(Math.abs(y)).toBeLessThan(2e7); // false northings reach 13 million US feet in Texas
    expect(haversineMetres(toWgs84(x, y, code), { lat, long })).toBeLessThan(0.001);
  });

  it('puts Chicago City Hall at its published Illinois East (ftUS) coordinates', () => {
    // Chicago's open data publishes x/y in EPSG:3435 beside latitude/longitude; City Hall, 121 N LaSalle.
    const { x, y } = fromWgs84(41.88376, -87.63236, 'EPSG:3435');
    expect(x).toBeGreaterThan(1_174_000);
    expect(x).toBeLessThan(1_176_000);
    expect(y).toBeGreaterThan(1_900_000);
    expect(y).toBeLessThan(1_902_500);
  });
});
