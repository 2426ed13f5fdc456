/**
 * The backlog by age: requests open now, bucketed by how long ago they were opened, in whole elapsed
 * days (0–2 d: under 3 × 24 h; 3–7 d; 8–30 d; over 30 d: 31 days or more). A snapshot at `now`, so the
 * date range does not apply; the dimension filters do.
 */
import type { PrismaClient } from '../db/generated/client.js';
import {
  dimensionKeySql,
  dimensionLabelSql,
  requestFilterSql,
  type DashboardFilter,
  type Dimension,
} from './dashboard-filter.js';

export interface BacklogRow {
  code: string;
  name: string;
  days0to2: number;
  days3to7: number;
  days8to30: number;
  over30: number;
  open: number;
}

export interface Backlog {
  total: BacklogRow;
  rows: BacklogRow[];
}

interface Row {
  total: boolean;
  code: string | null;
  name: string | null;
  b0: bigint;
  b3: bigint;
  b8: bigint;
  b31: bigint;
}

/** Open requests per age bucket, overall (`total`) and per dimension value (`rows`, largest first). */
export async function backlogByAge(
  db: PrismaClient,
  f: DashboardFilter,
  by: Dimension,
  now: Date,
): Promise<Backlog> {
  const key = dimensionKeySql(by);
  const label = dimensionLabelSql(by, f.jurisdictionId);
  const rows = await db.$queryRaw<Row[]>`
    WITH g AS (
      SELECT grouping(${key}) = 1 AS total, ${key} AS key,
             count(*) FILTER (WHERE r.requested_at > ${now}::timestamptz - interval '3 days') AS b0,
             count(*) FILTER (WHERE r.requested_at <= ${now}::timestamptz - interval '3 days'
                                AND r.requested_at > ${now}::timestamptz - interval '8 days') AS b3,
             count(*) FILTER (WHERE r.requested_at <= ${now}::timestamptz - interval '8 days'
                                AND r.requested_at > ${now}::timestamptz - interval '31 days') AS b8,
             count(*) FILTER (WHERE r.requested_at <= ${now}::timestamptz - interval '31 days') AS b31
      FROM service_requests r
      WHERE ${requestFilterSql(f)} AND r.status = 'open'
      GROUP BY GROUPING SETS ((${key}), ())
    )
    SELECT g.total, ${label.select}, g.b0, g.b3, g.b8, g.b31
    FROM g ${label.join}
    ORDER BY g.total DESC, (g.b0 + g.b3 + g.b8 + g.b31) DESC, g.key`;
  const toRow = (r: Row): BacklogRow => {
    const [days0to2, days3to7, days8to30, over30] = [r.b0, r.b3, r.b8, r.b31].map((n) => Number(n ?? 0)) as [
      number,
      number,
      number,
      number,
    ];
    return {
      code: r.code ?? '',
      name: r.name ?? '',
      days0to2,
      days3to7,
      days8to30,
      over30,
      open: days0to2 + days3to7 + days8to30 + over30,
    };
  };
  const total = rows.find((r) => r.total);
  return {
    total: total ? { ...toRow(total), code: '', name: '' } : toRow({} as Row),
    rows: by === 'none' ? [] : rows.filter((r) => !r.total).map(toRow),
  };
}
