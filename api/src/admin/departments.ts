/** Departments of a jurisdiction: list, create, rename. Codes are permanent (tasks and workflows name them). */
import { z } from 'zod';
import { department as departmentContract } from '@civicdesk/schemas';
import type { StaffIdentity } from '../app-context.js';
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import { FieldErrorsError } from '../trpc/trpc.js';
import { recordAudit } from './audit.js';

type Db = Prisma.TransactionClient | PrismaClient;

const { code, name, email } = departmentContract.shape;
export const createDepartmentInput = z.object({ code, name, email });
export const renameDepartmentInput = z.object({
  code: z.string().min(1, 'Name the department to rename by its code, e.g. streets'),
  name: z.string().trim().min(1, 'Give the department its public name, e.g. Streets and Sanitation'),
  email: z.email('Write the department email as name@example.gov, or leave it empty').nullish(),
});

/** The department with this code, or a NOT_FOUND naming `field`. */
export async function findDepartment(db: Db, jurisdictionId: string, code: string, field = 'department') {
  const found = await db.department.findUnique({ where: { jurisdictionId_code: { jurisdictionId, code } } });
  if (!found)
    throw new FieldErrorsError(
      [{ field, message: `There is no department '${code}'; pick one from the departments list.` }],
      'NOT_FOUND',
    );
  return found;
}

/** Every department with its roles and how many staff and services it has. */
export async function listDepartments(db: Db, jurisdictionId: string) {
  const rows = await db.department.findMany({
    where: { jurisdictionId },
    include: {
      roles: { orderBy: { code: 'asc' } },
      _count: { select: { memberships: true, services: true } },
    },
    orderBy: { code: 'asc' },
  });
  return rows.map((d) => ({
    id: d.id,
    code: d.code,
    name: d.name,
    email: d.email,
    roles: d.roles.map((r) => ({ code: r.code, name: r.name })),
    staffCount: d._count.memberships,
    serviceCount: d._count.services,
  }));
}

/** Creates a department; a code already in use is refused on the `code` field. */
export async function createDepartment(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof createDepartmentInput>,
) {
  return db.$transaction(async (tx) => {
    const taken = await tx.department.findUnique({
      where: { jurisdictionId_code: { jurisdictionId: staff.jurisdictionId, code: input.code } },
    });
    if (taken)
      throw new FieldErrorsError(
        [{ field: 'code', message: `A department '${input.code}' already exists; choose another code.` }],
        'CONFLICT',
      );
    const row = await tx.department.create({
      data: {
        jurisdictionId: staff.jurisdictionId,
        code: input.code,
        name: input.name,
        email: input.email ?? null,
      },
    });
    await recordAudit(tx, staff, {
      action: 'department.create',
      subjectType: 'department',
      subjectId: row.id,
      data: { code: row.code, name: row.name },
    });
    return { id: row.id, code: row.code, name: row.name, email: row.email };
  });
}

/** Renames a department (and sets its email); the code stays. */
export async function renameDepartment(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof renameDepartmentInput>,
) {
  return db.$transaction(async (tx) => {
    const before = await findDepartment(tx, staff.jurisdictionId, input.code, 'code');
    const email = input.email === undefined ? before.email : input.email;
    const row = await tx.department.update({ where: { id: before.id }, data: { name: input.name, email } });
    await recordAudit(tx, staff, {
      action: 'department.rename',
      subjectType: 'department',
      subjectId: row.id,
      data: { code: row.code, from: before.name, to: row.name, email },
    });
    return { id: row.id, code: row.code, name: row.name, email: row.email };
  });
}
