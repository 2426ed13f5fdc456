/**
 * SLA compliance. Two measures, both over work FINISHED in the date range, so a figure never changes
 * once its period is over:
 * - Requests: of the requests closed in the range that had an expected date (expected_at, set from
 *   the service's expected SLA), the share closed at or before it. Requests without an expected date
 *   are left out of the share (not counted as met). Open requests already past their expected date
 *   are reported beside it as `openOverdue` (now, whatever the range), because they have not missed
 *   "in the range" yet but are the ones about to pull the share down.
 * - Tasks: of the staff tasks completed in the range that had a due date (due_at), the share
 *   completed at or before it, counted for the department that owned the task (task-filter.ts).
 * Shares are 0..1, null when nothing counted. One statement: three aggregates side by side.
 */
import { Prisma, type PrismaClient } from '../db/generated/client.js';
import {
  dimensionKeySql,
  dimensionLabelSql,
  rangeSql,
  requestFilterSql,
  type DashboardFilter,
  type Dimension,
} from './dashboard-filter.js';
import { taskDimensionKeySql, taskFilterSql } from './task-filter.js';

export interface SlaRow {
  code: string;
  name: string;
  /** Requests closed in the range with an expected date. */
  requestsWithTarget: number;
  requestsMet: number;
  requestCompliance: number | null;
  /** Open requests past their expected date at `now`. */
  openOverdue: number;
  /** Tasks completed in the range with a due date. */
  tasksWithDue: number;
  tasksMet: number;
  taskCompliance: number | null;
}

export interface SlaCompliance {
  total: SlaRow;
  rows: SlaRow[];
}

interface Row {
  total: boolean;
  code: string | null;
  name: string | null;
  req_target: bigint;
  req_met: bigint;
  open_overdue: bigint;
  task_due: bigint;
  task_met: bigint;
}

const share = (met: number, of: number) => (of === 0 ? null : met / of);

/** Request and task SLA compliance, overall (`total`) and per dimension value (`rows`). */
export async function slaCompliance(
  db: PrismaClient,
  f: DashboardFilter,
  by: Dimension,
  now: Date,
): Promise<SlaCompliance> {
  const key = dimensionKeySql(by);
  const label = dimensionLabelSql(by, f.jurisdictionId);
  const rows = await db.$queryRaw<Row[]>`
    WITH req AS (
      SELECT ${key} AS key,
             count(*) AS req_target,
             count(*) FILTER (WHERE r.closed_at <= r.expected_at) AS req_met
      FROM service_requests r
      WHERE ${requestFilterSql(f)} AND r.closed_at IS NOT NULL AND r.expected_at IS NOT NULL
        ${rangeSql(Prisma.sql`r.closed_at`, f)}
      GROUP BY 1
    ), overdue AS (
      SELECT ${key} AS key, count(*) AS open_overdue
      FROM service_requests r
      WHERE ${requestFilterSql(f)} AND r.status = 'open' AND r.expected_at < ${now}
      GROUP BY 1
    ), tasks AS (
      SELECT ${taskDimensionKeySql(by)} AS key,
             count(*) AS task_due,
             count(*) FILTER (WHERE t.completed_at <= t.due_at) AS task_met
      FROM tasks t JOIN departments d ON d.id = t.department_id
        ${by === 'channel' ? Prisma.sql`JOIN service_requests r ON r.id = t.request_id` : Prisma.empty}
      WHERE ${taskFilterSql(f)} AND t.completed_at IS NOT NULL AND t.due_at IS NOT NULL
        ${rangeSql(Prisma.sql`t.completed_at`, f)}
      GROUP BY 1
    ), keyed AS (
      SELECT coalesce(req.key, overdue.key, tasks.key) AS key,
             coalesce(req_target, 0) AS req_target, coalesce(req_met, 0) AS req_met,
             coalesce(open_overdue, 0) AS open_overdue,
             coalesce(task_due, 0) AS task_due, coalesce(task_met, 0) AS task_met
      FROM req FULL JOIN overdue ON overdue.key = req.key
               FULL JOIN tasks ON tasks.key = coalesce(req.key, overdue.key)
    ), g AS (
      SELECT grouping(key) = 1 AS total, key,
             sum(req_target)::bigint AS req_target, sum(req_met)::bigint AS req_met,
             sum(open_overdue)::bigint AS open_overdue,
             sum(task_due)::bigint AS task_due, sum(task_met)::bigint AS task_met
      FROM keyed GROUP BY GROUPING SETS ((key), ())
    )
    SELECT g.total, ${label.select}, g.req_target, g.req_met, g.open_overdue, g.task_due, g.task_met
    FROM g ${label.join}
    ORDER BY g.total DESC, g.req_target DESC, g.key`;
  const toRow = (r: Row): SlaRow => {
    const requestsWithTarget = Number(r.req_target ?? 0);
    const requestsMet = Number(r.req_met ?? 0);
    const tasksWithDue = Number(r.task_due ?? 0);
    const tasksMet = Number(r.task_met ?? 0);
    return {
      code: r.code ?? '',
      name: r.name ?? '',
      requestsWithTarget,
      requestsMet,
      requestCompliance: share(requestsMet, requestsWithTarget),
      openOverdue: Number(r.open_overdue ?? 0),
      tasksWithDue,
      tasksMet,
      taskCompliance: share(tasksMet, tasksWithDue),
    };
  };
  const total = rows.find((r) => r.total);
  return {
    total: total ? { ...toRow(total), code: '', name: '' } : toRow({} as Row),
    rows: by === 'none' ? [] : rows.filter((r) => !r.total).map(toRow),
  };
}
