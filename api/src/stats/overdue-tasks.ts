/**
 * Staff only: per department, the tasks still to do (open or claimed) now, how many are past their
 * due date, and how many fall due within the next 24 hours — the numbers a department head acts on.
 * Reads the waiting tasks and their departments only (task-filter.ts): an index-only scan of the
 * queue's partial index on (department_id, due_at, id).
 */
import { Prisma, type PrismaClient } from '../db/generated/client.js';
import type { DashboardFilter } from './dashboard-filter.js';
import { taskFilterSql } from './task-filter.js';

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
    SELECT d.code AS department_code, d.name AS department_name, count(*) AS pending,
           count(*) FILTER (WHERE t.due_at < ${now}) AS overdue,
           count(*) FILTER (WHERE t.due_at >= ${now} AND t.due_at < ${now}::timestamptz + interval '24 hours') AS due_soon
    FROM tasks t JOIN departments d ON d.id = t.department_id
    WHERE ${taskFilterSql(f)} AND t.status IN ('open', 'claimed')
      ${departmentIds ? Prisma.sql`AND t.department_id = ANY(${departmentIds}::uuid[])` : Prisma.empty}
    GROUP BY d.id
    ORDER BY overdue DESC, pending DESC, d.code`;
  return rows.map((r) => ({
    departmentCode: r.department_code,
    departmentName: r.department_name,
    pending: Number(r.pending),
    overdue: Number(r.overdue),
    dueSoon: Number(r.due_soon),
  }));
}
