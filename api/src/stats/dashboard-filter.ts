/**
 * What every dashboard view is filtered by, and the SQL fragments that apply it. Dates are the
 * jurisdiction's local calendar days (`from` and `to` both inclusive); PostgreSQL turns them into
 * instants with the jurisdiction's time zone, so "opened on 3 March" means 3 March in the city.
 */
import { Prisma } from '../db/generated/client.js';

export interface DashboardFilter {
  jurisdictionId: string;
  /** IANA time zone of the jurisdiction: days, weeks and months start at its local midnight. */
  timezone: string;
  /** First local day included, `YYYY-MM-DD`. */
  from?: string;
  /** Last local day included, `YYYY-MM-DD`. */
  to?: string;
  serviceCode?: string;
  departmentCode?: string;
  district?: string;
  channel?: string;
}

/** How the counts are broken down: by one dimension, or not at all (`none`: one row per bucket). */
export type Dimension = 'none' | 'service' | 'department' | 'district' | 'channel';
export const dimensions = ['none', 'service', 'department', 'district', 'channel'] as const;

/** Calendar buckets; weeks start on Monday (ISO 8601, PostgreSQL's date_trunc). */
export type Period = 'day' | 'week' | 'month';
export const periods = ['day', 'week', 'month'] as const;

/** `AND column >= <from local midnight> AND column < <day after to, local midnight>`. */
export function rangeSql(column: Prisma.Sql, f: DashboardFilter): Prisma.Sql {
  return Prisma.sql`${
    f.from
      ? Prisma.sql`AND ${column} >= (${f.from}::date::timestamp AT TIME ZONE ${f.timezone})`
      : Prisma.empty
  } ${
    f.to
      ? Prisma.sql`AND ${column} < ((${f.to}::date + 1)::timestamp AT TIME ZONE ${f.timezone})`
      : Prisma.empty
  }`;
}

/**
 * The jurisdiction and the dimension filters over `service_requests r`. Service and department are
 * matched through sub-selects on their codes, so the aggregate reads one table and no join.
 */
export function requestFilterSql(f: DashboardFilter): Prisma.Sql {
  return Prisma.sql`r.jurisdiction_id = ${f.jurisdictionId}
    ${
      f.serviceCode
        ? Prisma.sql`AND r.service_id IN (SELECT id FROM services WHERE jurisdiction_id = ${f.jurisdictionId} AND code = ${f.serviceCode})`
        : Prisma.empty
    }
    ${
      f.departmentCode
        ? Prisma.sql`AND r.department_id IN (SELECT id FROM departments WHERE jurisdiction_id = ${f.jurisdictionId} AND code = ${f.departmentCode})`
        : Prisma.empty
    }
    ${f.district ? Prisma.sql`AND r.district = ${f.district}` : Prisma.empty}
    ${f.channel ? Prisma.sql`AND r.channel = ${f.channel}` : Prisma.empty}`;
}

/** The grouping key of a request row for a dimension, as text ('' for "no district" or `none`). */
export function dimensionKeySql(by: Dimension): Prisma.Sql {
  switch (by) {
    case 'service':
      return Prisma.sql`r.service_id::text`;
    case 'department':
      return Prisma.sql`r.department_id::text`;
    case 'district':
      return Prisma.sql`coalesce(r.district, '')`;
    case 'channel':
      return Prisma.sql`r.channel`;
    case 'none':
      return Prisma.sql`''::text`;
  }
}

/**
 * Turns a grouping key into the code and name shown to people, joined after aggregation so the
 * lookup runs once per group, not once per request. Needs the aggregate aliased `g` with `key`.
 */
export function dimensionLabelSql(
  by: Dimension,
  jurisdictionId: string,
): { select: Prisma.Sql; join: Prisma.Sql } {
  switch (by) {
    case 'service':
      return {
        select: Prisma.sql`ls.code AS code, ls.name AS name`,
        join: Prisma.sql`LEFT JOIN services ls ON ls.id::text = g.key`,
      };
    case 'department':
      return {
        select: Prisma.sql`ld.code AS code, ld.name AS name`,
        join: Prisma.sql`LEFT JOIN departments ld ON ld.id::text = g.key`,
      };
    case 'district':
      return {
        select: Prisma.sql`g.key AS code, coalesce(la.name, g.key) AS name`,
        join: Prisma.sql`LEFT JOIN jurisdiction_areas la ON la.jurisdiction_id = ${jurisdictionId} AND la.kind = 'district' AND la.code = g.key`,
      };
    case 'channel':
    case 'none':
      return { select: Prisma.sql`g.key AS code, g.key AS name`, join: Prisma.empty };
  }
}

/** Seconds from opening to closing, the measure behind every time-to-close figure. */
export const secondsToCloseSql = Prisma.sql`extract(epoch FROM r.closed_at - r.requested_at)`;

/** Rounds a percentile from SQL to milliseconds (timestamps have millisecond precision). */
export function roundSeconds(v: number | string | null | undefined): number | null {
  return v === null || v === undefined ? null : Math.round(Number(v) * 1000) / 1000;
}
