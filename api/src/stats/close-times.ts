/**
 * How long requests took to close: median and 90th percentile (PostgreSQL percentile_cont, i.e. linear
 * interpolation between the two nearest values) of closed_at − requested_at, over the requests CLOSED
 * in the date range, overall and per dimension value in one GROUPING SETS statement.
 */
import { Prisma, type PrismaClient } from '../db/generated/client.js';
import {
  dimensionKeySql,
  dimensionLabelSql,
  rangeSql,
  requestFilterSql,
  roundSeconds,
  secondsToCloseSql,
  type DashboardFilter,
  type Dimension,
} from './dashboard-filter.js';

export interface CloseTimeRow {
  code: string;
  name: string;
  closed: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface CloseTimes {
  total: CloseTimeRow;
  rows: CloseTimeRow[];
}

interface Row {
  total: boolean;
  code: string | null;
  name: string | null;
  closed: bigint;
  median: number | null;
  p90: number | null;
}

/** Median and p90 time to close, overall (`total`) and per dimension value (`rows`, busiest first). */
export async function closeTimes(db: PrismaClient, f: DashboardFilter, by: Dimension): Promise<CloseTimes> {
  const label = dimensionLabelSql(by, f.jurisdictionId);
  const rows = await db.$queryRaw<Row[]>`
    WITH g AS (
      SELECT grouping(${dimensionKeySql(by)}) = 1 AS total, ${dimensionKeySql(by)} AS key, count(*) AS closed,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${secondsToCloseSql}) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY ${secondsToCloseSql}) AS p90
      FROM service_requests r
      WHERE ${requestFilterSql(f)} AND r.closed_at IS NOT NULL ${rangeSql(Prisma.sql`r.closed_at`, f)}
      GROUP BY GROUPING SETS ((${dimensionKeySql(by)}), ())
    )
    SELECT g.total, ${label.select}, g.closed, g.median, g.p90
    FROM g ${label.join}
    ORDER BY g.total DESC, g.closed DESC, g.key`;
  const toRow = (r: Row): CloseTimeRow => ({
    code: r.code ?? '',
    name: r.name ?? '',
    closed: Number(r.closed),
    medianSeconds: roundSeconds(r.median),
    p90Seconds: roundSeconds(r.p90),
  });
  const total = rows.find((r) => r.total);
  return {
    total: total
      ? { ...toRow(total), code: '', name: '' }
      : { code: '', name: '', closed: 0, medianSeconds: null, p90Seconds: null },
    rows: by === 'none' ? [] : rows.filter((r) => !r.total).map(toRow),
  };
}
