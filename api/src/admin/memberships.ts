/** Checks membership inputs against the jurisdiction's departments and roles, naming each bad field. */
import type { FieldError } from '@civicdesk/schemas';
import type { StaffIdentity } from '../app-context.js';
import type { Prisma } from '../db/generated/client.js';
import { FieldErrorsError } from '../trpc/trpc.js';
import { managedDepartmentIds } from './admin-scope.js';
import type { MembershipInput } from './staff-input.js';

export interface ResolvedMembership {
  departmentId: string;
  department: string;
  access: string;
  roleCodes: string[];
}

/** Resolves department codes to ids; unknown departments or roles and unmanaged departments are refused. */
export async function resolveMemberships(
  tx: Prisma.TransactionClient,
  staff: StaffIdentity,
  memberships: readonly MembershipInput[],
  prefix = 'memberships',
): Promise<ResolvedMembership[]> {
  const departments = await tx.department.findMany({
    where: { jurisdictionId: staff.jurisdictionId, code: { in: memberships.map((m) => m.department) } },
    include: { roles: true },
  });
  const managed = await managedDepartmentIds(tx, staff);
  const errors: FieldError[] = [];
  const resolved: ResolvedMembership[] = [];
  memberships.forEach((m, i) => {
    const at = prefix ? `${prefix}[${i}]` : '';
    const field = (name: string) => (at ? `${at}.${name}` : name);
    const department = departments.find((d) => d.code === m.department);
    if (!department) {
      errors.push({ field: field('department'), message: `There is no department '${m.department}'.` });
      return;
    }
    if (managed !== null && !managed.includes(department.id)) {
      errors.push({
        field: field('department'),
        message: `You head no department '${m.department}'; only an administrator can add people there.`,
      });
      return;
    }
    m.roles.forEach((role, r) => {
      if (!department.roles.some((d) => d.code === role))
        errors.push({
          field: `${field('roles')}[${r}]`,
          message: `Department '${m.department}' has no role '${role}'; use one of: ${department.roles.map((d) => d.code).join(', ') || '(none yet — add a role first)'}.`,
        });
    });
    resolved.push({
      departmentId: department.id,
      department: department.code,
      access: m.access,
      roleCodes: m.roles,
    });
  });
  if (errors.length) throw new FieldErrorsError(errors);
  return resolved;
}
