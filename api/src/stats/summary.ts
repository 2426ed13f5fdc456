/**
 * The headline numbers: how many requests came in, how many were resolved, and how fast.
 * Computed in SQL so it stays one round trip however many requests there are.
 */
import type { PrismaClient } from '../db/generated/client.js';
import { Prisma } from '../db/generated/client.js';

export interface StatsFilter {
  jurisdictionId: string;
  /** Requests opened at or after this instant. */
  from?: Date;
  /** Requests opened before this instant. */
  to?: Date;
  serviceCode?: string;
}

export interface CloseTimes {
  opened: number;
  closed: number;
  open: number;
  /** Seconds from opening to closing over the closed requests; null when none closed. */
  medianSecondsToClose: number | null;
  p90SecondsToClose: number | null;
  meanSecondsToClose: number | null;
}

export interface StatsSummary extends CloseTimes {
  byService: (CloseTimes & { serviceCode: string; serviceName: string })[];
}

interface Row {
  service_code: string;
  service_name: string;
  opened: bigint;
  closed: bigint;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

const seconds = (v: number | null) => (v === null ? null : Math.round(Number(v) * 1000) / 1000);

/** Counts and close-time percentiles, overall and per service (GROUPING SETS: one query for both). */
export async function statsSummary(db: PrismaClient, f: StatsFilter): Promise<StatsSummary> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT s.code AS service_code, min(s.name) AS service_name,
           count(*) AS opened, count(r.closed_at) AS closed,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.closed_at - r.requested_at)) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.closed_at - r.requested_at)) AS p90,
           avg(extract(epoch FROM r.closed_at - r.requested_at))::float8 AS mean
    FROM service_requests r JOIN services s ON s.id = r.service_id
    WHERE r.jurisdiction_id = ${f.jurisdictionId}
      ${f.from ? Prisma.sql`AND r.requested_at >= ${f.from}` : Prisma.empty}
      ${f.to ? Prisma.sql`AND r.requested_at < ${f.to}` : Prisma.empty}
      ${f.serviceCode ? Prisma.sql`AND s.code = ${f.serviceCode}` : Prisma.empty}
    GROUP BY GROUPING SETS ((s.code), ())
    ORDER BY s.code NULLS FIRST`;
  const toTimes = (r: Row | undefined): CloseTimes => {
    const opened = Number(r?.opened ?? 0);
    const closed = Number(r?.closed ?? 0);
    return {
      opened,
      closed,
      open: opened - closed,
      medianSecondsToClose: seconds(r?.median ?? null),
      p90SecondsToClose: seconds(r?.p90 ?? null),
      meanSecondsToClose: seconds(r?.mean ?? null),
    };
  };
  const total = rows.find((r) => r.service_code === null);
  return {
    ...toTimes(total),
    byService: rows
      .filter((r) => r.service_code !== null)
      .map((r) => ({ serviceCode: r.service_code, serviceName: r.service_name, ...toTimes(r) })),
  };
}
