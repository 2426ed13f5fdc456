// Throw-away databases for tests: each call creates a fresh, uniquely named, migrated database on
// the server named by DATABASE_URL (which must allow CREATE DATABASE) and drops it on drop().
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from './client.js';
import { migrate } from './migrate.js';

export const defaultAdminUrl = 'postgresql://civicdesk:civicdesk@127.0.0.1:5432/civicdesk';

export interface TestDatabase {
  /** Connection string of the new database. */
  url: string;
  /** Database name. */
  name: string;
  prisma: PrismaClient;
  /** Disconnects `prisma` and drops the database (even with other sessions still connected). */
  drop(): Promise<void>;
}

export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL || defaultAdminUrl;
  const safePrefix = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 30);
  const name = `${safePrefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  await admin(adminUrl, `CREATE DATABASE "${name}"`);
  try {
    await migrate(url.toString());
    // Test databases share one Temporal server, where a request's run is `request-<id>` and ids are
    // never reused. Each test database therefore numbers its requests from its own random offset,
    // as separate installations would use separate Temporal namespaces.
    const offset = 1_000_000_000 + randomBytes(5).readUIntBE(0, 5);
    await admin(url.toString(), `SELECT setval(pg_get_serial_sequence('service_requests', 'id'), ${offset})`);
  } catch (error) {
    await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
  const prisma = createPrismaClient(url.toString());
  let dropped = false;
  return {
    url: url.toString(),
    name,
    prisma,
    async drop() {
      if (dropped) return;
      dropped = true;
      await prisma.$disconnect();
      await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
