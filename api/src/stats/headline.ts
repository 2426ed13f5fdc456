/**
 * The headline numbers above the charts, in one statement: opened and closed in the range, open now,
 * median and p90 time to close (requests closed in the range) and the request SLA share (see sla.ts
 * for the definition). Same filters and definitions as the views below them, so they add up.
 */
import { Prisma, type PrismaClient } from '../db/generated/client.js';
import {
  rangeSql,
  requestFilterSql,
  roundSeconds,
  secondsToCloseSql,
  type DashboardFilter,
} from './dashboard-filter.js';

export interface Headline {
  opened: number;
  closed: number;
  /** Open now (the date range does not apply). */
  open: number;
  medianSecondsToClose: number | null;
  p90SecondsToClose: number | null;
  /** Share 0..1 of requests closed in the range by their expected date; null when none had one. */
  slaCompliance: number | null;
}

interface Row {
  opened: bigint;
  closed: bigint;
  open: bigint;
  median: number | null;
  p90: number | null;
  with_target: bigint;
  met: bigint;
}

/** The six headline figures for a filter. */
export async function headline(db: PrismaClient, f: DashboardFilter): Promise<Headline> {
  const where = requestFilterSql(f);
  const [row] = await db.$queryRaw<Row[]>`
    SELECT
      (SELECT count(*) FROM service_requests r WHERE ${where} ${rangeSql(Prisma.sql`r.requested_at`, f)}) AS opened,
      c.closed, c.median, c.p90, c.with_target, c.met,
      (SELECT count(*) FROM service_requests r WHERE ${where} AND r.status = 'open') AS open
    FROM (
      SELECT count(*) AS closed,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${secondsToCloseSql}) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY ${secondsToCloseSql}) AS p90,
             count(*) FILTER (WHERE r.expected_at IS NOT NULL) AS with_target,
             count(*) FILTER (WHERE r.closed_at <= r.expected_at) AS met
      FROM service_requests r
      WHERE ${where} AND r.closed_at IS NOT NULL ${rangeSql(Prisma.sql`r.closed_at`, f)}
    ) c`;
  const withTarget = Number(row?.with_target ?? 0);
  return {
    opened: Number(row?.opened ?? 0),
    closed: Number(row?.closed ?? 0),
    open: Number(row?.open ?? 0),
    medianSecondsToClose: roundSeconds(row?.median),
    p90SecondsToClose: roundSeconds(row?.p90),
    slaCompliance: withTarget === 0 ? null : Number(row?.met ?? 0) / withTarget,
  };
}
