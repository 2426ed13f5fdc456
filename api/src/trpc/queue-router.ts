/**
 * The staff queue: list a department's tasks, complete one with an outcome. Completion goes through
 * the workflow (a Temporal Update) — the run decides, the task row follows — so two clerks racing on
 * one task get one success and one clear refusal.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { StaffIdentity } from '../app-context.js';
import { TaskCompletionRejectedError } from '../workflow-gateway.js';
import { router, staffProcedure } from './trpc.js';

/** Staff act only in their own departments; admins everywhere. */
function assertInDepartment(staff: StaffIdentity, departmentId: string, what: string) {
  if (!staff.isAdmin && !staff.departmentIds.includes(departmentId)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `You can only ${what} in your own department's queue.`,
    });
  }
}

const taskStatus = z.enum(['active', 'open', 'claimed', 'completed', 'cancelled']);

export const queueRouter = router({
  list: staffProcedure
    .input(
      z.object({
        department: z.string().min(1, 'Name the department, e.g. streets'),
        status: taskStatus.default('active'),
        limit: z.number().int().min(1).max(200).default(50),
        /** Id of the last task of the previous page (keyset paging stays fast on big queues). */
        after: z.string().uuid().optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const department = await ctx.db.department.findUnique({
        where: { jurisdictionId_code: { jurisdictionId: ctx.staff.jurisdictionId, code: input.department } },
      });
      if (!department)
        throw new TRPCError({ code: 'NOT_FOUND', message: `There is no department '${input.department}'.` });
      assertInDepartment(ctx.staff, department.id, 'see tasks');
      const statuses = input.status === 'active' ? ['open', 'claimed'] : [input.status];
      const tasks = await ctx.db.task.findMany({
        where: { departmentId: department.id, status: { in: statuses } },
        include: { request: { include: { service: true } } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: input.limit,
        ...(input.after ? { cursor: { id: input.after }, skip: 1 } : {}),
      });
      return tasks.map((t) => ({
        id: t.id,
        title: t.title,
        kind: t.kind,
        status: t.status,
        role: t.role,
        outcomes: t.outcomes,
        outcome: t.outcome,
        version: t.version,
        created_at: t.createdAt.toISOString(),
        due_at: t.dueAt?.toISOString() ?? null,
        service_request_id: t.request.id.toString(),
        service_code: t.request.service.code,
        service_name: t.request.service.name,
        description: t.request.description,
        address: t.request.address,
        lat: t.request.lat,
        long: t.request.long,
        attributes: t.request.attributes,
      }));
    }),

  complete: staffProcedure
    .input(
      z.object({
        taskId: z.string().uuid('taskId is the id of a task from queue.list'),
        outcome: z.string().min(1, 'Choose an outcome'),
        notes: z.string().max(4000, 'Notes can be at most 4000 characters').optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const task = await ctx.db.task.findUnique({ where: { id: input.taskId } });
      if (!task) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no task ${input.taskId}.` });
      assertInDepartment(ctx.staff, task.departmentId, 'complete tasks');
      if (task.status === 'completed' || task.status === 'cancelled') {
        throw new TRPCError({
          code: 'CONFLICT',
          message: `This task is already ${task.status}; refresh your queue.`,
        });
      }
      if (!task.outcomes.includes(input.outcome)) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `outcome: '${input.outcome}' is not an outcome of this task; choose one of ${task.outcomes.join(', ')}.`,
        });
      }
      try {
        const result = await ctx.workflows.completeTask(task.requestId.toString(), {
          taskId: task.id,
          outcome: input.outcome,
          by: `staff:${ctx.staff.id}`,
          ...(input.notes ? { note: input.notes } : {}),
        });
        await ctx.db.auditLog.create({
          data: {
            actorType: 'staff',
            actorId: ctx.staff.id,
            action: 'task.complete',
            subjectType: 'task',
            subjectId: task.id,
            data: { outcome: input.outcome, requestId: task.requestId.toString() },
          },
        });
        return { status: result.status, closed: result.closed };
      } catch (error) {
        if (error instanceof TaskCompletionRejectedError) {
          throw new TRPCError({ code: 'CONFLICT', message: `${error.message}. Refresh your queue.` });
        }
        throw error;
      }
    }),
});
