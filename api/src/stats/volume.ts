/**
 * Requests opened and closed per day, week or month (local calendar of the jurisdiction), optionally
 * broken down by one dimension. "Opened" counts requests whose requested_at falls in the bucket;
 * "closed" counts requests whose closed_at falls in it (a request reopened later has no closed_at and
 * leaves the closed count). One statement: two aggregates over service_requests, full-joined.
 */
import { Prisma, type PrismaClient } from '../db/generated/client.js';
import {
  dimensionKeySql,
  dimensionLabelSql,
  rangeSql,
  requestFilterSql,
  type DashboardFilter,
  type Dimension,
  type Period,
} from './dashboard-filter.js';

export interface VolumeRow {
  /** First local day of the bucket, `YYYY-MM-DD`. */
  period: string;
  /** Code of the dimension value ('' when not broken down, or for requests without a district). */
  code: string;
  name: string;
  opened: number;
  closed: number;
}

interface Row {
  period: string;
  code: string | null;
  name: string | null;
  opened: bigint;
  closed: bigint;
}

/** Opened and closed counts per bucket (and dimension value), oldest bucket first. */
export async function requestVolume(
  db: PrismaClient,
  f: DashboardFilter,
  period: Period,
  by: Dimension,
): Promise<VolumeRow[]> {
  const key = dimensionKeySql(by);
  const label = dimensionLabelSql(by, f.jurisdictionId);
  const bucket = (column: Prisma.Sql) =>
    Prisma.sql`date_trunc(${period}, ${column} AT TIME ZONE ${f.timezone})::date`;
  const rows = await db.$queryRaw<Row[]>`
    WITH opened AS (
      SELECT ${bucket(Prisma.sql`r.requested_at`)} AS bucket, ${key} AS key, count(*) AS n
      FROM service_requests r
      WHERE ${requestFilterSql(f)} ${rangeSql(Prisma.sql`r.requested_at`, f)}
      GROUP BY 1, 2
    ), closed AS (
      SELECT ${bucket(Prisma.sql`r.closed_at`)} AS bucket, ${key} AS key, count(*) AS n
      FROM service_requests r
      WHERE ${requestFilterSql(f)} AND r.closed_at IS NOT NULL ${rangeSql(Prisma.sql`r.closed_at`, f)}
      GROUP BY 1, 2
    ), g AS (
      SELECT coalesce(o.bucket, c.bucket) AS bucket, coalesce(o.key, c.key) AS key,
             coalesce(o.n, 0) AS opened, coalesce(c.n, 0) AS closed
      FROM opened o FULL JOIN closed c ON c.bucket = o.bucket AND c.key = o.key
    )
    SELECT to_char(g.bucket, 'YYYY-MM-DD') AS period, ${label.select}, g.opened, g.closed
    FROM g ${label.join}
    ORDER BY g.bucket, g.key`;
  return rows.map((r) => ({
    period: r.period,
    code: r.code ?? '',
    name: r.name ?? '',
    opened: Number(r.opened),
    closed: Number(r.closed),
  }));
}
