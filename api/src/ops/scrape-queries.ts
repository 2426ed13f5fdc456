/**
 * The cheap queries behind the scrape-time gauges. Each one reads an existing index: per-department
 * counts use tasks(department_id, status, created_at) once per department; the outbox and
 * notification figures use their partial "not yet done" indexes, which hold only pending rows.
 */
import type { PrismaClient } from '../db/generated/client.js';

export interface DepartmentFigures {
  jurisdiction: string;
  department: string;
  /** Tasks open or claimed. */
  depth: number;
  /** Of those, past their due time. */
  breached: number;
}

/** Queue depth and SLA breaches per department (every department, so a drained queue reads 0). */
export async function departmentFigures(db: PrismaClient): Promise<DepartmentFigures[]> {
  const rows = await db.$queryRaw<
    { jurisdiction: string; department: string; depth: bigint; breached: bigint }[]
  >`
    SELECT d.jurisdiction_id AS jurisdiction, d.code AS department, q.depth, q.breached
    FROM departments d
    CROSS JOIN LATERAL (
      SELECT count(*) AS depth, count(*) FILTER (WHERE t.due_at < now()) AS breached
      FROM tasks t
      WHERE t.department_id = d.id AND t.status IN ('open', 'claimed')
    ) q`;
  return rows.map((r) => ({ ...r, depth: Number(r.depth), breached: Number(r.breached) }));
}

/** Seconds since the oldest unprocessed outbox message was written; 0 when the outbox is drained. */
export async function outboxLagSeconds(db: PrismaClient): Promise<{ lag: number; pending: number }> {
  const [row] = await db.$queryRaw<{ lag: number | null; pending: bigint }[]>`
    SELECT extract(epoch FROM now() - min(created_at))::float8 AS lag, count(*) AS pending
    FROM outbox_messages WHERE processed_at IS NULL`;
  return { lag: Math.max(0, row?.lag ?? 0), pending: Number(row?.pending ?? 0) };
}

/** Notifications not yet sent, and how long the oldest has waited (seconds). */
export async function notificationBacklog(db: PrismaClient): Promise<{ pending: number; oldest: number }> {
  const [row] = await db.$queryRaw<{ oldest: number | null; pending: bigint }[]>`
    SELECT extract(epoch FROM now() - min(created_at))::float8 AS oldest, count(*) AS pending
    FROM notifications WHERE sent_at IS NULL`;
  return { pending: Number(row?.pending ?? 0), oldest: Math.max(0, row?.oldest ?? 0) };
}
