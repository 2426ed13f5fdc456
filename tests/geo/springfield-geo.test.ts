// The Springfield pack with its geo folder, imported as `pnpm start` does (pack, then geo files in a
// transaction), on the real PostgreSQL: what each kind of channel sends comes out as one enriched
// location, and the trigram index answers fuzzy address searches in SQL.
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, importCityPack, readCityPack, type TestDatabase } from '@civicdesk/api';
import { fromWgs84, importGeoFolder, loadJurisdictionLocator } from '../../api/src/geo/index.js';

const springfield = fileURLToPath(new URL('../../examples/springfield', import.meta.url));
const jurisdictionId = 'springfield.gov';
const monroe = { lat: 39.80036, long: -89.645817 }; // 273 E Monroe St (SPR-00055)

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('geo_springfield');
  await importCityPack(db.prisma, readCityPack(springfield));
  await db.prisma.$transaction((tx) => importGeoFolder(tx, jurisdictionId, `${springfield}/geo`));
}, 120_000);
afterAll(async () => {
  await db?.drop();
}, 60_000);

describe('Springfield geo over the real database', () => {
  it('normalises what each channel sends into the same enriched location', async () => {
    const locator = await loadJurisdictionLocator(db.prisma, jurisdictionId);
    const enriched = { district: 'district-2', ward: 'ward-2', service_area: 'downtown' };
    const mercator = fromWgs84(monroe.lat, monroe.long, 'EPSG:3857');
    const inputs = {
      portal: monroe,
      chicagoStyle: { ...monroe, address_string: '273 E Monroe St' },
      open311AddressId: { address_id: 'SPR-00055' },
      phoneAgentAddress: { address_string: '273 East Monroe Street, Springfield, IL 62701' },
      arcgisCollector: {
        x: mercator.x,
        y: mercator.y,
        spatial_reference: { wkid: 102100, latestWkid: 3857 },
      },
    };
    for (const [channel, input] of Object.entries(inputs)) {
      const result = await locator.locate(input);
      expect({ channel, result }).toMatchObject({ channel, result: { ok: true, location: enriched } });
      if (!result.ok) continue;
      expect(Math.abs(result.location.lat! - monroe.lat)).toBeLessThan(1e-5);
      expect(Math.abs(result.location.long! - monroe.long)).toBeLessThan(1e-5);
    }
  });

  it('finds near-miss addresses with the pg_trgm index in SQL', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows: index } = await client.query(
        "SELECT indexdef FROM pg_indexes WHERE indexname = 'address_points_address_idx'",
      );
      expect(index[0]?.indexdef).toContain('USING gin (address gin_trgm_ops)');
      const search = `SELECT address_id, address FROM address_points
        WHERE jurisdiction_id = $1 AND address % $2 ORDER BY similarity(address, $2) DESC LIMIT 3`;
      const { rows } = await client.query(search, [jurisdictionId, '273 e monro street']);
      expect(rows[0]).toEqual({ address_id: 'SPR-00055', address: '273 E Monroe St' });
      await client.query('SET enable_seqscan = off');
      const { rows: plan } = await client.query(
        "EXPLAIN SELECT * FROM address_points WHERE address % '273 e monro st'",
      );
      expect(plan.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n')).toContain(
        'address_points_address_idx',
      );
    } finally {
      await client.end();
    }
  });
});
