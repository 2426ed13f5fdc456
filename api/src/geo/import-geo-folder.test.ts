import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { readGeoFolder } from './geo-files.js';
import { importGeoFolder } from './import-geo-folder.js';
import { invalidateJurisdictionLocator, loadJurisdictionLocator } from './load-locator.js';

const folder = new URL('../../../examples/springfield/geo', import.meta.url).pathname;
const jurisdictionId = 'springfield.gov';
const boundary = {
  type: 'Polygon',
  coordinates: [
    [
      [-89.75, 39.7],
      [-89.55, 39.7],
      [-89.55, 39.87],
      [-89.75, 39.87],
      [-89.75, 39.7],
    ],
  ],
};

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('geo_import');
  await db.prisma.jurisdiction.create({
    data: { id: jurisdictionId, name: 'City of Springfield', timezone: 'America/Chicago', boundary },
  });
}, 120_000);
afterAll(async () => {
  await db?.drop();
}, 60_000);

describe('importGeoFolder', () => {
  it('writes the areas with their bounding boxes and the address points, and re-imports idempotently', async () => {
    for (let run = 0; run < 2; run++) {
      const summary = await db.prisma.$transaction((tx) => importGeoFolder(tx, jurisdictionId, folder));
      expect(summary).toEqual({ areas: 11, addressPoints: 300 });
    }
    expect(await db.prisma.addressPoint.count({ where: { jurisdictionId } })).toBe(300);
    expect(await db.prisma.addressPoint.findFirst({ where: { addressId: 'SPR-00055' } })).toMatchObject({
      address: '273 E Monroe St',
      zipcode: '62701',
      lat: 39.80036,
      long: -89.645817,
    });
    expect(
      await db.prisma.jurisdictionArea.findUnique({
        where: { jurisdictionId_kind_code: { jurisdictionId, kind: 'service_area', code: 'lakeside' } },
      }),
    ).toMatchObject({
      name: expect.stringContaining('Lake'),
      minLng: -89.63,
      minLat: 39.702,
      maxLng: -89.552,
      maxLat: 39.73,
    });
  });

  it('lists every problem of bad files and leaves the previous rows in place', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'geo-'));
    writeFileSync(
      join(bad, 'addresses.csv'),
      'address_id,address,lat,long\nA1,1 Main St,39.8,-89.6\nA1,2 Main St,39.8,-89.6\nA3,3 Main St,95,\nA4,,39.8,-89.6\n',
    );
    writeFileSync(
      join(bad, 'districts.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { kind: 'precinct', code: 'p1', name: 'P1' }, geometry: boundary },
        ],
      }),
    );
    const error = await db.prisma
      .$transaction((tx) => importGeoFolder(tx, jurisdictionId, bad))
      .catch((e: Error) => e);
    expect((error as Error).message.split('\n')).toEqual([
      'The geo files have problems:',
      expect.stringMatching(
        /districts\.geojson: feature 0: properties\.kind: kind must be one of district, ward, service_area$/,
      ),
      expect.stringMatching(/addresses\.csv: line 3: address_id 'A1' is used twice$/),
      expect.stringMatching(
        /addresses\.csv: line 4: lat: must be between -90 and 90; long: must be WGS84 decimal degrees$/,
      ),
      expect.stringMatching(
        /addresses\.csv: line 5: \(row\): give an address, or a house_number and street$/,
      ),
    ]);
    expect(await db.prisma.addressPoint.count({ where: { jurisdictionId } })).toBe(300);
  });
});

describe('loadJurisdictionLocator', () => {
  it('locates from the database, caches per jurisdiction and rebuilds after invalidation', async () => {
    const locator = await loadJurisdictionLocator(db.prisma, jurisdictionId);
    expect(await loadJurisdictionLocator(db.prisma, jurisdictionId)).toBe(locator);
    expect(await locator.locate({ address_id: 'SPR-00055' })).toMatchObject({
      ok: true,
      location: { lat: 39.80036, ward: 'ward-2', district: 'district-2', service_area: 'downtown' },
    });
    expect(await locator.locate({ address_string: '273 E Monro St' })).toMatchObject({
      ok: true,
      location: { address_id: 'SPR-00055' },
    });
    expect(await locator.locate({ lat: 41.88, long: -87.63 })).toMatchObject({
      ok: false,
      errors: [{ field: 'lat', message: expect.stringContaining('outside City of Springfield') }],
    });

    // New geo data (the wards only) is seen once the cache is invalidated, not before.
    const wardsOnly = readGeoFolder(folder);
    wardsOnly.areas = wardsOnly.areas.filter((area) => area.kind === 'ward');
    await db.prisma.$transaction((tx) => importGeoFolder(tx, jurisdictionId, wardsOnly));
    expect(await loadJurisdictionLocator(db.prisma, jurisdictionId)).toBe(locator);
    invalidateJurisdictionLocator(jurisdictionId);
    const rebuilt = await loadJurisdictionLocator(db.prisma, jurisdictionId);
    expect(rebuilt).not.toBe(locator);
    expect(rebuilt.enrich(39.80036, -89.645817)).toEqual({ ward: 'ward-2' });
  });

  it('fails clearly for an unknown jurisdiction, without caching the failure', async () => {
    await expect(loadJurisdictionLocator(db.prisma, 'shelbyville.gov')).rejects.toThrow(
      "No jurisdiction 'shelbyville.gov': import its city pack first.",
    );
    await db.prisma.jurisdiction.create({
      data: { id: 'shelbyville.gov', name: 'Shelbyville', timezone: 'America/Chicago' },
    });
    const locator = await loadJurisdictionLocator(db.prisma, 'shelbyville.gov');
    expect(await locator.locate({ lat: 10, long: 10 })).toEqual({
      ok: true,
      location: { lat: 10, long: 10 },
    });
  });
});
