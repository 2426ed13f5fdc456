/** Loads who a session belongs to: an active staff member with their departments and headships. */
import type { AppContext } from '../app-context.js';
import type { SignedInStaff } from './permissions.js';

/** The active staff member `staffId`, or null (unknown or deactivated: the session no longer counts). */
export async function loadSignedInStaff(
  db: AppContext['db'],
  staffId: string,
): Promise<SignedInStaff | null> {
  const staff = await db.staffMember.findUnique({ where: { id: staffId }, include: { memberships: true } });
  if (!staff?.active) return null;
  return {
    id: staff.id,
    jurisdictionId: staff.jurisdictionId,
    name: staff.name,
    isAdmin: staff.isAdmin,
    departmentIds: staff.memberships.map((m) => m.departmentId),
    headOfDepartmentIds: staff.memberships
      .filter((m) => m.access === 'department_head')
      .map((m) => m.departmentId),
  };
}
