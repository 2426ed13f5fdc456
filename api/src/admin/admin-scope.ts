/**
 * Who may manage what in the admin API. Admins manage everything in their jurisdiction; a department
 * head manages the staff and roles of the departments they head. Kept in this one file so the
 * jurisdiction-wide policy module (api/src/auth) can take these checks over later.
 */
import { TRPCError } from '@trpc/server';
import type { StaffIdentity } from '../app-context.js';
import type { PrismaClient } from '../db/generated/client.js';

type Db = Pick<PrismaClient, 'staffMembership' | 'department'>;

/** The department ids the caller may manage: every one for an admin (null), else those they head. */
export async function managedDepartmentIds(db: Db, staff: StaffIdentity): Promise<string[] | null> {
  if (staff.isAdmin) return null;
  const heads = await db.staffMembership.findMany({
    where: { staffId: staff.id, access: 'department_head' },
    select: { departmentId: true },
  });
  return heads.map((m) => m.departmentId);
}

/** Refuses callers who are neither an admin nor the head of some department. */
export async function assertAdminOrHead(db: Db, staff: StaffIdentity): Promise<void> {
  const managed = await managedDepartmentIds(db, staff);
  if (managed !== null && managed.length === 0)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Only an administrator or a department head can do this. Ask your city admin.',
    });
}

/** Refuses a caller who may not manage the department (admins may; heads only their own). */
export async function assertManagesDepartment(
  db: Db,
  staff: StaffIdentity,
  department: { id: string; code: string },
): Promise<void> {
  const managed = await managedDepartmentIds(db, staff);
  if (managed === null || managed.includes(department.id)) return;
  throw new TRPCError({
    code: 'FORBIDDEN',
    message: `Only an administrator or a head of '${department.code}' can manage its staff and roles.`,
  });
}

/** Refuses a non-admin caller: jurisdiction-wide settings are for administrators. */
export function assertAdmin(staff: StaffIdentity, what: string): void {
  if (!staff.isAdmin)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Only an administrator can ${what}. Ask your city admin.`,
    });
}
