import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, migrate } from './migrate.js';
import { defaultAdminUrl } from './testing.js';

const adminUrl = process.env.DATABASE_URL || defaultAdminUrl;
const migrationNames = readdirSync(defaultMigrationsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const created: string[] = [];
const tempDirs: string[] = [];

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty (not migrated) database. */
async function emptyDatabase(): Promise<string> {
  const name = `migrate_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A copy of the real migrations folder that a test may change. */
function copyOfMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), 'civicdesk-migrations-'));
  tempDirs.push(dir);
  cpSync(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string) {
  mkdirSync(join(dir, name));
  writeFileSync(join(dir, name, 'migration.sql'), sql);
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  for (const name of created) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}, 60_000);

describe('migrate', { timeout: 30_000 }, () => {
  it('applies every migration to a fresh database, and nothing on a second run', async () => {
    const url = await emptyDatabase();
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(await migrate(url)).toEqual({ applied: migrationNames });
    expect(await migrate(url)).toEqual({ applied: [] });

    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['_prisma_migrations', 'service_requests', 'tasks', 'workflow_versions']),
    );
  });

  it('records each migration the way Prisma Migrate does', async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const rows = await query<Record<string, unknown>>(
      url,
      'SELECT * FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const file = readFileSync(join(defaultMigrationsDir, String(row.migration_name), 'migration.sql'));
      expect(row).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        checksum: createHash('sha256').update(file).digest('hex'),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(row.finished_at).toBeInstanceOf(Date);
      expect((row.finished_at as Date).getTime()).toBeGreaterThanOrEqual((row.started_at as Date).getTime());
    }
    // Prisma's own column layout.
    const columns = await query<{ column_name: string; data_type: string; is_nullable: string }>(
      url,
      `
      SELECT column_name, data_type, is_nullable FROM information_schema.columns
      WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => `${c.column_name} ${c.data_type} ${c.is_nullable}`)).toEqual([
      'id character varying NO',
      'checksum character varying NO',
      'finished_at timestamp with time zone YES',
      'migration_name character varying NO',
      'logs text YES',
      'rolled_back_at timestamp with time zone YES',
      'started_at timestamp with time zone NO',
      'applied_steps_count integer NO',
    ]);
  });

  it('applies only the new migration when one is added', async () => {
    const url = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(url, { migrationsDir: dir });
    addMigration(
      dir,
      '29990101000000_add_note',
      'ALTER TABLE "jurisdictions" ADD COLUMN "note" TEXT;\nCREATE INDEX "jurisdictions_note_idx" ON "jurisdictions"("note");\n',
    );
    expect(await migrate(url, { migrationsDir: dir })).toEqual({ applied: ['29990101000000_add_note'] });
    expect(await migrate(url, { migrationsDir: dir })).toEqual({ applied: [] });
  });

  it('refuses to run when an applied migration was changed, and says which', async () => {
    const url = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(url, { migrationsDir: dir });
    addMigration(dir, '29990101000000_pending', 'CREATE TABLE "should_not_exist" ("id" INTEGER);\n');
    appendFileSync(
      join(dir, migrationNames[0] as string, 'migration.sql'),
      '\n-- an innocent-looking edit\n',
    );

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(
        `Migration ${migrationNames[0]} was changed after it was applied to this database \\(checksum [0-9a-f]{64} recorded, [0-9a-f]{64} on disk\\)`,
      ),
    );
    // Nothing after it ran.
    expect(
      await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'should_not_exist'`),
    ).toEqual([]);
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const url = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(url, { migrationsDir: dir });
    addMigration(
      dir,
      '29990101000000_broken',
      'CREATE TABLE "half_done" ("id" INTEGER);\nALTER TABLE "no_such_table" ADD COLUMN "x" TEXT;\n',
    );

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      /Migration 29990101000000_broken failed and was rolled back: relation "no_such_table" does not exist/,
    );
    expect(
      await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`),
    ).toEqual([]);
    expect(
      await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`),
    ).toEqual([]);

    // Fixed, it applies.
    writeFileSync(
      join(dir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE "half_done" ("id" INTEGER);\n',
    );
    expect(await migrate(url, { migrationsDir: dir })).toEqual({ applied: ['29990101000000_broken'] });
  });

  it('refuses to run over a migration that Prisma recorded as failed', async () => {
    const url = await emptyDatabase();
    await migrate(url);
    await query(
      url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('00000000-0000-4000-8000-000000000000', '${'0'.repeat(64)}', '29990101000000_crashed')`,
    );
    await expect(migrate(url)).rejects.toThrow(/Migration 29990101000000_crashed failed earlier/);
  });

  it('applies each migration once when two processes start at the same time', async () => {
    const url = await emptyDatabase();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(migrationNames);
    expect(await query(url, 'SELECT migration_name FROM "_prisma_migrations"')).toHaveLength(
      migrationNames.length,
    );
  });
});

describe('migrate-cli', { timeout: 60_000 }, () => {
  const cli = fileURLToPath(new URL('./migrate-cli.ts', import.meta.url));
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, ['--import', 'tsx', cli], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('migrates the database named by DATABASE_URL', async () => {
    const url = await emptyDatabase();
    const first = run({ DATABASE_URL: url });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Applied ${migrationNames.length} migration(s)`);
    const second = run({ DATABASE_URL: url });
    expect(second.stdout).toContain('Database is up to date.');
  });

  it('explains a missing DATABASE_URL', () => {
    const result = run({ DATABASE_URL: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL is not set');
  });
});
