/** The roles inside a department (inspector, crew...): tasks are assigned to them, staff hold them. */
import { z } from 'zod';
import { departmentRole } from '@civicdesk/schemas';
import type { StaffIdentity } from '../app-context.js';
import type { PrismaClient } from '../db/generated/client.js';
import { FieldErrorsError } from '../trpc/trpc.js';
import { assertManagesDepartment } from './admin-scope.js';
import { recordAudit } from './audit.js';
import { findDepartment } from './departments.js';

export const saveRoleInput = z.object({
  department: z.string().min(1, 'Name the department, e.g. streets'),
  code: departmentRole.shape.code,
  name: z.string().trim().min(1, 'Give the role a name staff recognise, e.g. Street inspector'),
});
export const deleteRoleInput = saveRoleInput.pick({ department: true, code: true });

/** Creates the role, or renames it when the code exists. */
export async function saveRole(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof saveRoleInput>,
) {
  const department = await findDepartment(db, staff.jurisdictionId, input.department);
  await assertManagesDepartment(db, staff, department);
  return db.$transaction(async (tx) => {
    const key = { departmentId_code: { departmentId: department.id, code: input.code } };
    const before = await tx.departmentRole.findUnique({ where: key });
    const row = await tx.departmentRole.upsert({
      where: key,
      create: { departmentId: department.id, code: input.code, name: input.name },
      update: { name: input.name },
    });
    await recordAudit(tx, staff, {
      action: before ? 'role.rename' : 'role.create',
      subjectType: 'department_role',
      subjectId: `${department.code}/${row.code}`,
      data: { department: department.code, code: row.code, name: row.name },
    });
    return { department: department.code, code: row.code, name: row.name };
  });
}

/** Deletes a role no staff member holds; one still held is refused with who holds it. */
export async function deleteRole(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof deleteRoleInput>,
) {
  const department = await findDepartment(db, staff.jurisdictionId, input.department);
  await assertManagesDepartment(db, staff, department);
  return db.$transaction(async (tx) => {
    const holders = await tx.staffMembership.findMany({
      where: { departmentId: department.id, roleCodes: { has: input.code } },
      include: { staff: { select: { email: true } } },
    });
    if (holders.length > 0)
      throw new FieldErrorsError(
        [
          {
            field: 'code',
            message: `Role '${input.code}' is held by ${holders.map((h) => h.staff.email).join(', ')}; take it from them first.`,
          },
        ],
        'CONFLICT',
      );
    const { count } = await tx.departmentRole.deleteMany({
      where: { departmentId: department.id, code: input.code },
    });
    if (count === 0)
      throw new FieldErrorsError(
        [{ field: 'code', message: `Department '${department.code}' has no role '${input.code}'.` }],
        'NOT_FOUND',
      );
    await recordAudit(tx, staff, {
      action: 'role.delete',
      subjectType: 'department_role',
      subjectId: `${department.code}/${input.code}`,
      data: { department: department.code, code: input.code },
    });
    return { deleted: true };
  });
}
