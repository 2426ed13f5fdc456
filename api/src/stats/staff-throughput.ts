/**
 * Staff only: tasks completed in the date range per assignee (who completed them), with the median
 * working time from claim (or creation, when never claimed) to completion and the share done by the
 * due date. Private: names staff, so only the staff procedures and the signed-in CSV export use it.
 */
import { Prisma, type PrismaClient } from '../db/generated/client.js';
import { rangeSql, requestFilterSql, roundSeconds, type DashboardFilter } from './dashboard-filter.js';

export interface ThroughputRow {
  staffName: string;
  departmentCode: string;
  departmentName: string;
  completed: number;
  medianSecondsToComplete: number | null;
  /** Share 0..1 completed by due_at among those with one; null when none had one. */
  onTime: number | null;
}

interface Row {
  staff_name: string | null;
  department_code: string;
  department_name: string;
  completed: bigint;
  median: number | null;
  with_due: bigint;
  met: bigint;
}

/** Completed tasks per assignee and department; `departmentIds` null means every department (admins). */
export async function staffThroughput(
  db: PrismaClient,
  f: DashboardFilter,
  departmentIds: string[] | null,
): Promise<ThroughputRow[]> {
  const rows = await db.$queryRaw<Row[]>`
    WITH g AS (
      SELECT t.assignee_id, t.department_id, count(*) AS completed,
             percentile_cont(0.5) WITHIN GROUP (
               ORDER BY extract(epoch FROM t.completed_at - coalesce(t.claimed_at, t.created_at))) AS median,
             count(*) FILTER (WHERE t.due_at IS NOT NULL) AS with_due,
             count(*) FILTER (WHERE t.completed_at <= t.due_at) AS met
      FROM tasks t JOIN service_requests r ON r.id = t.request_id
      WHERE ${requestFilterSql(f)} AND t.status = 'completed' AND t.completed_at IS NOT NULL
        ${rangeSql(Prisma.sql`t.completed_at`, f)}
        ${departmentIds ? Prisma.sql`AND t.department_id = ANY(${departmentIds}::uuid[])` : Prisma.empty}
      GROUP BY t.assignee_id, t.department_id
    )
    SELECT s.name AS staff_name, d.code AS department_code, d.name AS department_name,
           g.completed, g.median, g.with_due, g.met
    FROM g JOIN departments d ON d.id = g.department_id
           LEFT JOIN staff_members s ON s.id = g.assignee_id
    ORDER BY g.completed DESC, s.name`;
  return rows.map((r) => ({
    staffName: r.staff_name ?? '',
    departmentCode: r.department_code,
    departmentName: r.department_name,
    completed: Number(r.completed),
    medianSecondsToComplete: roundSeconds(r.median),
    onTime: Number(r.with_due) === 0 ? null : Number(r.met) / Number(r.with_due),
  }));
}
