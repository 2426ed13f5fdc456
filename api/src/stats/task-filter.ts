/**
 * The dashboard's filters over staff tasks (`tasks t` joined to `departments d ON d.id =
 * t.department_id`), for the task figures: overdue tasks and task SLA. A task carries copies of its
 * request's service and district (kept in step by triggers, see the 20261204190300_queue_paging
 * migration) and its department belongs to the jurisdiction, so these filters read the task and
 * its department only, which the queue's partial indexes cover; joining every task to its request
 * for the jurisdiction check cost one primary-key probe per task (100,000 waiting tasks: 1.2 s).
 * Only `channel` looks the request up.
 *
 * The department filter and the department dimension mean the department that owns the task (the
 * one that had to do it): the request's department, unless the task was routed to another one.
 */
import { Prisma } from '../db/generated/client.js';
import type { DashboardFilter, Dimension } from './dashboard-filter.js';

/** The jurisdiction and the dimension filters over `tasks t` and `departments d`. */
export function taskFilterSql(f: DashboardFilter): Prisma.Sql {
  return Prisma.sql`d.jurisdiction_id = ${f.jurisdictionId}
    ${
      f.serviceCode
        ? Prisma.sql`AND t.service_id IN (SELECT id FROM services WHERE jurisdiction_id = ${f.jurisdictionId} AND code = ${f.serviceCode})`
        : Prisma.empty
    }
    ${f.departmentCode ? Prisma.sql`AND d.code = ${f.departmentCode}` : Prisma.empty}
    ${f.district ? Prisma.sql`AND t.district = ${f.district}` : Prisma.empty}
    ${
      f.channel
        ? Prisma.sql`AND EXISTS (SELECT 1 FROM service_requests r WHERE r.id = t.request_id AND r.channel = ${f.channel})`
        : Prisma.empty
    }`;
}

/**
 * The grouping key of a task row for a dimension, as text (the same keys as dimensionKeySql, so
 * dimensionLabelSql names them); `channel` reads the request, joined as `r`.
 */
export function taskDimensionKeySql(by: Dimension): Prisma.Sql {
  switch (by) {
    case 'service':
      return Prisma.sql`t.service_id::text`;
    case 'department':
      return Prisma.sql`t.department_id::text`;
    case 'district':
      return Prisma.sql`coalesce(t.district, '')`;
    case 'channel':
      return Prisma.sql`r.channel`;
    case 'none':
      return Prisma.sql`''::text`;
  }
}
