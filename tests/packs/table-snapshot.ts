/**
 * Every row of the tables a pack import touches, as text, to prove an import changed nothing. The
 * audit log is left out: an attempt is itself recorded (see `auditSince`).
 */
import type { TestDatabase } from '@civicdesk/api';

export const packTables = [
  'departments',
  'department_roles',
  'services',
  'workflow_definitions',
  'workflow_versions',
  'service_workflow_bindings',
  'staff_memberships',
] as const;

/** The tables' full contents, each row as its PostgreSQL text form, in a stable order. */
export async function snapshotTables(
  db: TestDatabase,
  tables: readonly string[] = packTables,
): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await db.prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT t::text AS row FROM "${table}" t ORDER BY 1`,
    );
    out[table] = rows.map((r) => r.row);
  }
  return out;
}

/** The newest audit row's id, to read what an action added after it. */
export async function lastAuditId(db: TestDatabase): Promise<bigint> {
  return (await db.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
}

/** The actions of the audit rows written after `id`, oldest first. */
export async function auditActionsSince(db: TestDatabase, id: bigint): Promise<string[]> {
  const rows = await db.prisma.auditLog.findMany({ where: { id: { gt: id } }, orderBy: { id: 'asc' } });
  return rows.map((r) => r.action);
}
