// The geo migration gates pg_trgm in one place: the embedded PGlite server loads the pg_trgm bundle
// (scripts/services/pglite-server.ts), a bare PGlite.create() cannot create the extension. Both must
// migrate; the first gets the GIN trigram index, the second a b-tree on the same column.
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { describe, expect, it } from 'vitest';

const migration = (name: string) =>
  readFileSync(new URL(`../../prisma/migrations/${name}/migration.sql`, import.meta.url), 'utf8');

async function addressIndexOn(db: PGlite): Promise<string> {
  await db.exec(migration('20261204160000_init'));
  await db.exec(migration('20261204170000_geo'));
  const { rows } = await db.query<{ indexdef: string }>(
    "SELECT indexdef FROM pg_indexes WHERE indexname = 'address_points_address_idx'",
  );
  return rows[0]?.indexdef ?? '';
}

describe('the geo migration on PGlite', { timeout: 120_000 }, () => {
  it('builds the trigram index when pg_trgm is loaded, and fuzzy search works', async () => {
    const db = await PGlite.create({ extensions: { pg_trgm } });
    try {
      expect(await addressIndexOn(db)).toContain('USING gin (address gin_trgm_ops)');
      await db.exec(`INSERT INTO jurisdictions (id, name, timezone) VALUES ('springfield.gov', 'Springfield', 'UTC');
        INSERT INTO address_points (jurisdiction_id, address_id, address, lat, long)
          VALUES ('springfield.gov', 'SPR-00055', '273 E Monroe St', 39.80036, -89.645817)`);
      const { rows } = await db.query<{ address_id: string }>(
        "SELECT address_id FROM address_points WHERE address % '273 e monro street'",
      );
      expect(rows).toEqual([{ address_id: 'SPR-00055' }]);
    } finally {
      await db.close();
    }
  });

  it('falls back to a b-tree index on a PGlite without the pg_trgm bundle', async () => {
    const db = await PGlite.create();
    try {
      expect(await addressIndexOn(db)).toContain('USING btree (address)');
    } finally {
      await db.close();
    }
  });
});
