/**
 * Staff only: per department, the tasks still to do (open or claimed) now, how many are past their
 * due date, and how many fall due within the next 24 hours — the numbers a department head acts on.
 */
import { Prisma, type PrismaClient } from '../db/generated/client.js';
import { requestFilterSql, type DashboardFilter } from './dashboard-filter.js';

export interface OverdueRow {
  departmentCode: string;
  departmentName: string;
  pending: number;
  overdue: number;
  dueSoon: number;
}

interface Row {
  department_code: string;
  department_name: string;
  pending: bigint;
  overdue: bigint;
  due_soon: bigint;
}

/** Pending, overdue and due-soon tasks per department; `departmentIds` null means every department. */
export async function overdueTasks(
  db: PrismaClient,
  f: DashboardFilter,
  departmentIds: string[] | null,
  now: Date,
): Promise<OverdueRow[]> {
  const rows = await db.$queryRaw<Row[]>`
    WITH g AS (
      SELECT t.department_id, count(*) AS pending,
             count(*) FILTER (WHERE t.due_at < ${now}) AS overdue,
             count(*) FILTER (WHERE t.due_at >= ${now} AND t.due_at < ${now}::timestamptz + interval '24 hours') AS due_soon
      FROM tasks t JOIN service_requests r ON r.id = t.request_id
      WHERE ${requestFilterSql(f)} AND t.status IN ('open', 'claimed')
        ${departmentIds ? Prisma.sql`AND t.department_id = ANY(${departmentIds}::uuid[])` : Prisma.empty}
      GROUP BY t.department_id
    )
    SELECT d.code AS department_code, d.name AS department_name, g.pending, g.overdue, g.due_soon
    FROM g JOIN departments d ON d.id = g.department_id
    ORDER BY g.overdue DESC, g.pending DESC, d.code`;
  return rows.map((r) => ({
    departmentCode: r.department_code,
    departmentName: r.department_name,
    pending: Number(r.pending),
    overdue: Number(r.overdue),
    dueSoon: Number(r.due_soon),
  }));
}
