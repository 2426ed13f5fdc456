/**
 * Who and where a clerk can hand work to: the jurisdiction's departments with their roles (for a
 * transfer) and the active colleagues of one department (for "assign to").
 */
import { z } from 'zod';
import { resolveQueueScope } from './queue-scope.js';
import { staffProcedure } from './trpc.js';

/** Every department of the clerk's jurisdiction, with its roles, by name. */
export const queueDepartmentsProcedure = staffProcedure.query(async ({ ctx }) => {
  const departments = await ctx.db.department.findMany({
    where: { jurisdictionId: ctx.staff.jurisdictionId },
    include: { roles: { orderBy: { name: 'asc' } } },
    orderBy: { name: 'asc' },
  });
  return departments.map((d) => ({
    code: d.code,
    name: d.name,
    roles: d.roles.map((r) => ({ code: r.code, name: r.name })),
  }));
});

/** The active staff of a department the clerk works in, by name. */
export const queueColleaguesProcedure = staffProcedure
  .input(z.object({ department: z.string().min(1, 'department: name the department, e.g. streets') }))
  .query(async ({ ctx, input }) => {
    const scope = await resolveQueueScope(ctx, {
      department: input.department,
      status: 'active',
      assignee: 'any',
    });
    const members = await ctx.db.staffMembership.findMany({
      where: { departmentId: scope.departmentId, staff: { active: true } },
      include: { staff: { select: { id: true, name: true } } },
    });
    return members
      .map((m) => ({ id: m.staff.id, name: m.staff.name, head: m.access === 'department_head' }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
