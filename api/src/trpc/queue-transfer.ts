/**
 * `queue.transfer`: a clerk moves a waiting task to another department (and role). It goes through
 * the run (a Temporal Update), so the workflow's assignee and the task row agree; the task arrives
 * unclaimed in the other department's queue.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { TaskTransferRejectedError } from '../workflow-gateway.js';
import { conflictFor, taskInMyDepartment, taskRef, type StaffContext } from './queue-guards.js';
import { staffProcedure } from './trpc.js';

export const transferFields = {
  department: z.string().min(1, 'department: name the department to send the task to, e.g. parks'),
  role: z.string().min(1).optional(),
  note: z.string().max(4000, 'note can be at most 4000 characters').optional(),
};

const transferInput = z.object({ ...taskRef, ...transferFields });

/** Moves one task through its run; used by `queue.transfer` and the bulk action. */
export async function transferTask(ctx: StaffContext, input: z.infer<typeof transferInput>) {
  const task = await taskInMyDepartment(ctx, input.taskId, 'transfer tasks');
  if (task.version !== input.version || (task.status !== 'open' && task.status !== 'claimed')) {
    throw await conflictFor(ctx.db, ctx.staff, task.id);
  }
  const target = await ctx.db.department.findUnique({
    where: { jurisdictionId_code: { jurisdictionId: ctx.staff.jurisdictionId, code: input.department } },
    include: { roles: true },
  });
  if (!target) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `department: there is no department '${input.department}'.`,
    });
  }
  if (input.role && !target.roles.some((r) => r.code === input.role)) {
    const roles = target.roles.map((r) => r.code).join(', ') || 'none';
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `role: ${target.name} has no role '${input.role}'; choose one of ${roles}, or leave it out.`,
    });
  }
  try {
    await ctx.workflows.transferTask(task.requestId.toString(), {
      taskId: task.id,
      department: target.code,
      role: input.role ?? null,
      by: `staff:${ctx.staff.id}`,
      note: input.note ?? null,
      node: task.nodeId,
      visit: task.visit,
    });
  } catch (error) {
    if (error instanceof TaskTransferRejectedError) {
      throw new TRPCError({ code: 'CONFLICT', message: `${error.message}. Refresh your queue.` });
    }
    throw error;
  }
  await ctx.db.auditLog.create({
    data: {
      actorType: 'staff',
      actorId: ctx.staff.id,
      action: 'task.transfer',
      subjectType: 'task',
      subjectId: task.id,
      data: {
        requestId: task.requestId.toString(),
        from: task.departmentId,
        to: target.code,
        role: input.role ?? null,
      },
    },
  });
  return { transferred: true, department: target.code };
}

export const transferTaskProcedure = staffProcedure
  .input(transferInput)
  .mutation(({ ctx, input }) => transferTask(ctx, input));
