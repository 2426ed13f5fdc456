/**
 * Staff accounts: list, invite (create with a temporary password shown once), deactivate or
 * reactivate, and department memberships. Department heads manage the people of their departments.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { TRPCError } from '@trpc/server';
import type { StaffIdentity } from '../app-context.js';
import { hashPassword } from '../auth/passwords.js';
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import { FieldErrorsError } from '../trpc/trpc.js';
import { managedDepartmentIds } from './admin-scope.js';
import { recordAudit } from './audit.js';
import { resolveMemberships } from './memberships.js';
import type { createStaffInput, removeMembershipInput, setMembershipInput } from './staff-input.js';

type Tx = Prisma.TransactionClient;

/** Staff the caller may see: everyone for an admin, the members of their departments for a head. */
export async function listStaff(db: PrismaClient, staff: StaffIdentity) {
  const managed = await managedDepartmentIds(db, staff);
  const rows = await db.staffMember.findMany({
    where: {
      jurisdictionId: staff.jurisdictionId,
      ...(managed === null ? {} : { memberships: { some: { departmentId: { in: managed } } } }),
    },
    include: { memberships: { include: { department: { select: { code: true } } } } },
    orderBy: { email: 'asc' },
  });
  return rows.map((s) => ({
    id: s.id,
    email: s.email,
    name: s.name,
    isAdmin: s.isAdmin,
    active: s.active,
    memberships: s.memberships
      .map((m) => ({ department: m.department.code, access: m.access, roles: m.roleCodes }))
      .sort((a, b) => a.department.localeCompare(b.department)),
  }));
}

/** A readable one-time password: 16 characters from a 64-letter alphabet (96 bits). */
function temporaryPassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Creates an account with a temporary password, answered once and stored only as a scrypt hash. */
export async function createStaff(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof createStaffInput>,
) {
  if (input.isAdmin && !staff.isAdmin)
    throw new FieldErrorsError([
      { field: 'isAdmin', message: 'Only an administrator can create another administrator.' },
    ]);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password); // outside the transaction: scrypt is slow on purpose
  const email = input.email.toLowerCase();
  const created = await db.$transaction(async (tx) => {
    const taken = await tx.staffMember.findUnique({
      where: { jurisdictionId_email: { jurisdictionId: staff.jurisdictionId, email } },
    });
    if (taken)
      throw new FieldErrorsError(
        [{ field: 'email', message: `${email} already has an account; find it in the staff list instead.` }],
        'CONFLICT',
      );
    const memberships = await resolveMemberships(tx, staff, input.memberships);
    if (!staff.isAdmin && memberships.length === 0)
      throw new FieldErrorsError([
        { field: 'memberships', message: 'Add the person to a department you head.' },
      ]);
    const row = await tx.staffMember.create({
      data: {
        jurisdictionId: staff.jurisdictionId,
        email,
        name: input.name,
        isAdmin: input.isAdmin,
        passwordHash,
      },
    });
    for (const m of memberships)
      await tx.staffMembership.create({
        data: { staffId: row.id, departmentId: m.departmentId, access: m.access, roleCodes: m.roleCodes },
      });
    await recordAudit(tx, staff, {
      action: 'staff.create',
      subjectType: 'staff',
      subjectId: row.id,
      data: {
        email,
        isAdmin: input.isAdmin,
        memberships: memberships.map((m) => ({
          department: m.department,
          access: m.access,
          roles: m.roleCodes,
        })),
      },
    });
    return row;
  });
  return { id: created.id, email: created.email, temporaryPassword: password };
}

/** The staff member, after checking the caller may manage them (a head: only people of their departments). */
async function managedStaff(tx: Tx, staff: StaffIdentity, staffId: string) {
  const target = await tx.staffMember.findFirst({
    where: { id: staffId, jurisdictionId: staff.jurisdictionId },
    include: { memberships: true },
  });
  if (!target)
    throw new FieldErrorsError(
      [{ field: 'staffId', message: 'There is no such staff member; reload the staff list.' }],
      'NOT_FOUND',
    );
  const managed = await managedDepartmentIds(tx, staff);
  if (managed === null) return target;
  const outside = target.isAdmin || target.memberships.some((m) => !managed.includes(m.departmentId));
  if (outside)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `${target.email} also works outside the departments you head; ask an administrator.`,
    });
  return target;
}

/** Turns sign-in off (or back on) for an account; its sessions stop working at once. */
export async function setStaffActive(
  db: PrismaClient,
  staff: StaffIdentity,
  staffId: string,
  active: boolean,
) {
  if (staffId === staff.id && !active)
    throw new FieldErrorsError([
      { field: 'staffId', message: 'You cannot deactivate your own account; ask another administrator.' },
    ]);
  return db.$transaction(async (tx) => {
    const target = await managedStaff(tx, staff, staffId);
    await tx.staffMember.update({ where: { id: target.id }, data: { active } });
    await recordAudit(tx, staff, {
      action: active ? 'staff.reactivate' : 'staff.deactivate',
      subjectType: 'staff',
      subjectId: target.id,
      data: { email: target.email },
    });
    return { id: target.id, active };
  });
}

/** Adds the person to a department, or changes their access and roles there. */
export async function setMembership(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof setMembershipInput>,
) {
  return db.$transaction(async (tx) => {
    const [m] = await resolveMemberships(tx, staff, [input], '');
    const target = await tx.staffMember.findFirst({
      where: { id: input.staffId, jurisdictionId: staff.jurisdictionId },
    });
    if (!target || !m)
      throw new FieldErrorsError(
        [{ field: 'staffId', message: 'There is no such staff member; reload the staff list.' }],
        'NOT_FOUND',
      );
    const data = { access: m.access, roleCodes: m.roleCodes };
    await tx.staffMembership.upsert({
      where: { staffId_departmentId: { staffId: target.id, departmentId: m.departmentId } },
      create: { staffId: target.id, departmentId: m.departmentId, ...data },
      update: data,
    });
    await recordAudit(tx, staff, {
      action: 'staff.membership.set',
      subjectType: 'staff',
      subjectId: target.id,
      data: { email: target.email, department: m.department, access: m.access, roles: m.roleCodes },
    });
    return { staffId: target.id, department: m.department, access: m.access, roles: m.roleCodes };
  });
}

/** Takes the person out of a department (their open claims there stay until reassigned). */
export async function removeMembership(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof removeMembershipInput>,
) {
  return db.$transaction(async (tx) => {
    const [m] = await resolveMemberships(
      tx,
      staff,
      [{ department: input.department, access: 'staff', roles: [] }],
      '',
    );
    const { count } = await tx.staffMembership.deleteMany({
      where: {
        staffId: input.staffId,
        departmentId: m!.departmentId,
        staff: { jurisdictionId: staff.jurisdictionId },
      },
    });
    if (count === 0)
      throw new FieldErrorsError(
        [{ field: 'department', message: `This person is not a member of '${input.department}'.` }],
        'NOT_FOUND',
      );
    await recordAudit(tx, staff, {
      action: 'staff.membership.remove',
      subjectType: 'staff',
      subjectId: input.staffId,
      data: { department: input.department },
    });
    return { removed: true };
  });
}
