// The queue search migration gates pg_trgm in one place, like the geo migration: the embedded PGlite
// server loads the pg_trgm bundle and gets GIN trigram indexes that serve `ILIKE '%…%'`; a bare
// PGlite.create() cannot create the extension and gets plain indexes on the same columns. Both must
// migrate and search.
import { readdirSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { describe, expect, it } from 'vitest';

const md5OfOne = 'c4ca4238a0b923820dcc509a6f75849b';
const MIGRATION = '20261204220000_queue_search_facets';
const dir = new URL('../../prisma/migrations/', import.meta.url);

/** Applies every migration up to and including the queue search one. */
async function migrateUpTo(db: PGlite): Promise<void> {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name <= MIGRATION)
    .map((e) => e.name)
    .sort();
  for (const name of names) await db.exec(readFileSync(new URL(`${name}/migration.sql`, dir), 'utf8'));
}

async function searchIndexes(db: PGlite): Promise<string[]> {
  const { rows } = await db.query<{ indexdef: string }>(
    `SELECT indexdef FROM pg_indexes
     WHERE indexname IN ('service_requests_description_trgm_idx', 'service_requests_address_trgm_idx')
     ORDER BY indexname`,
  );
  return rows.map((r) => r.indexdef.replace(/^.* USING /, ''));
}

/** 200 requests on Elm St; number 42 has a description of its own. */
async function seedRequests(db: PGlite): Promise<void> {
  await db.exec(`INSERT INTO jurisdictions (id, name, timezone) VALUES ('springfield.gov', 'Springfield', 'UTC');
    INSERT INTO departments (id, jurisdiction_id, code, name)
      VALUES ('3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a01', 'springfield.gov', 'streets', 'Streets');
    INSERT INTO services (id, jurisdiction_id, code, name, department_id)
      VALUES ('3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a02', 'springfield.gov', 'pothole', 'Pothole',
              '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a01');
    INSERT INTO service_requests (jurisdiction_id, service_id, department_id, channel, description, address)
      SELECT 'springfield.gov', '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a02', '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a01',
             'web', 'Pothole number ' || n, n || ' Elm St'
      FROM generate_series(1, 200) n;
    UPDATE service_requests SET description = 'Deep CRATER by the school' WHERE address = '42 Elm St';
    ANALYZE service_requests;`);
}

/** Addresses of the requests matching `'%words%'` the way the queue searches. */
async function search(db: PGlite, words: string): Promise<string[]> {
  const { rows } = await db.query<{ address: string }>(
    'SELECT address FROM service_requests WHERE address ILIKE $1 OR description ILIKE $1 ORDER BY id',
    [`%${words}%`],
  );
  return rows.map((r) => r.address);
}

describe('the queue search migration on PGlite', { timeout: 180_000 }, () => {
  it('builds trigram indexes when pg_trgm is loaded, and the search uses them', async () => {
    const db = await PGlite.create({ extensions: { pg_trgm } });
    try {
      await migrateUpTo(db);
      await seedRequests(db);
      expect(await searchIndexes(db)).toEqual([
        'gin (address gin_trgm_ops)',
        'gin (description gin_trgm_ops)',
      ]);
      expect(await search(db, 'crater by')).toEqual(['42 Elm St']);
      await db.exec('SET enable_seqscan = off'); // 200 rows: a scan would be cheaper
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(
        "EXPLAIN SELECT id FROM service_requests WHERE description ILIKE '%crater by%'",
      );
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('service_requests_description_trgm_idx');
    } finally {
      await db.close();
    }
  });

  it('falls back to plain indexes on a PGlite without the pg_trgm bundle, and the search still works', async () => {
    const db = await PGlite.create();
    try {
      await migrateUpTo(db);
      await seedRequests(db);
      expect(await searchIndexes(db)).toEqual(['btree (address)', 'hash (description)']);
      expect(await search(db, 'crater by')).toEqual(['42 Elm St']);
      // 3,960 characters that hardly compress: more than a b-tree key may hold.
      await db.exec(`UPDATE service_requests SET description =
        (SELECT string_agg(md5(i::text), ' ') FROM generate_series(1, 120) i) WHERE address = '7 Elm St'`);
      expect(await search(db, md5OfOne)).toEqual(['7 Elm St']);
    } finally {
      await db.close();
    }
  });
});
