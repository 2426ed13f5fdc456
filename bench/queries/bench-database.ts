/**
 * The kept benchmark database: created, migrated and filled once (seeding 1M requests is heavy on a
 * shared machine), then reused by every run. Each run migrates it again, so a new index migration
 * reaches it before it is measured.
 */
import { createPrismaClient, defaultAdminUrl, migrate, type PrismaClient } from './api.js';

export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'civicdesk_bench_queries';

export interface BenchDatabase {
  url: string;
  prisma: PrismaClient;
  /** True when the database was just created (and must be filled). */
  created: boolean;
  /** Migrations this run applied (e.g. a new index migration). */
  applied: string[];
}

async function adminQuery<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = createPrismaClient(url);
  try {
    return await client.$queryRawUnsafe<T[]>(sql, ...values);
  } finally {
    await client.$disconnect();
  }
}

async function adminExec(url: string, sql: string): Promise<void> {
  const client = createPrismaClient(url);
  try {
    await client.$executeRawUnsafe(sql);
  } finally {
    await client.$disconnect();
  }
}

/** Opens the benchmark database, creating it when absent; `fresh` drops it first. */
export async function openBenchDatabase(fresh: boolean): Promise<BenchDatabase> {
  const adminUrl = process.env.DATABASE_URL || defaultAdminUrl;
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  if (fresh) await adminExec(adminUrl, `DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`);
  const exists = await adminQuery(adminUrl, `SELECT 1 FROM pg_database WHERE datname = $1`, [BENCH_DATABASE]);
  if (exists.length === 0) await adminExec(adminUrl, `CREATE DATABASE "${BENCH_DATABASE}"`);
  const { applied } = await migrate(url.toString());
  // A row in this table marks a finished fill; a fill that died half-way is redone from scratch.
  const marker = await adminQuery<{ filled: boolean }>(
    url.toString(),
    `SELECT to_regclass('bench_seed_info') IS NOT NULL AS filled`,
  );
  const filled = marker[0]?.filled === true;
  if (!filled && exists.length > 0) {
    await adminExec(adminUrl, `DROP DATABASE "${BENCH_DATABASE}" WITH (FORCE)`);
    return openBenchDatabase(false);
  }
  return { url: url.toString(), prisma: createPrismaClient(url.toString()), created: !filled, applied };
}
