/**
 * The staff queue: list a department's tasks (`list`, the plain oldest-first listing; `page`, `facets`
 * and `map` for the filtered, sorted, keyset-paged queue), claim, unclaim or reassign one, transfer
 * it, mark its request a duplicate, add an internal note, do any of these to many at once (`bulk`),
 * complete one with an outcome. Claims are a row-level projection guarded by the task's `version` (optimistic concurrency:
 * UPDATE … WHERE id = $1 AND version = $2, version + 1), so two clerks racing for one task get one win
 * and one clear refusal. Completion goes through the workflow (a Temporal Update) — the run decides,
 * the task row follows — and the Update's validator is the final arbiter. Every action is audited.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { TaskCompletionRejectedError } from '../workflow-gateway.js';
import {
  claimTask,
  duplicateFields,
  looseTaskRef,
  markTaskDuplicate,
  noteFields,
  noteOnTask,
  reassignFields,
  reassignTask,
  unclaimTask,
} from './queue-actions.js';
import {
  queueFacetsProcedure,
  queueMapProcedure,
  queueNotesProcedure,
  queuePageProcedure,
} from './queue-browse.js';
import { queueBulkProcedure } from './queue-bulk.js';
import { queueColleaguesProcedure, queueDepartmentsProcedure } from './queue-directory.js';
import { assertInDepartment, conflictFor, taskInMyDepartment, taskRef } from './queue-guards.js';
import { transferTaskProcedure } from './queue-transfer.js';
import { router, staffProcedure } from './trpc.js';

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
        assignee_id: t.assigneeId,
        claimed_at: t.claimedAt?.toISOString() ?? null,
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

  /** Takes an open task: it becomes yours; a stale version or a task someone else took is a CONFLICT. */
  claim: staffProcedure.input(z.object(taskRef)).mutation(({ ctx, input }) => claimTask(ctx, input)),

  /** Puts a claimed task back in the queue; only its claimer or a department head / admin may. */
  unclaim: staffProcedure.input(z.object(taskRef)).mutation(({ ctx, input }) => unclaimTask(ctx, input)),

  /** Gives a task to a colleague of its department; taking it from someone needs a head or an admin. */
  reassign: staffProcedure
    .input(z.object({ ...taskRef, ...reassignFields }))
    .mutation(({ ctx, input }) => reassignTask(ctx, input)),

  /** Marks the task's request a duplicate of an earlier request (see duplicates.link). */
  markDuplicate: staffProcedure
    .input(z.object({ ...looseTaskRef, ...duplicateFields }))
    .mutation(({ ctx, input }) => markTaskDuplicate(ctx, input)),

  /** Adds an internal note to the task's request: staff only, never shown to the resident. */
  addNote: staffProcedure
    .input(z.object({ ...looseTaskRef, ...noteFields }))
    .mutation(({ ctx, input }) => noteOnTask(ctx, input)),

  page: queuePageProcedure,
  facets: queueFacetsProcedure,
  map: queueMapProcedure,
  notes: queueNotesProcedure,
  bulk: queueBulkProcedure,
  departments: queueDepartmentsProcedure,
  colleagues: queueColleaguesProcedure,

  transfer: transferTaskProcedure,

  complete: staffProcedure
    .input(
      z.object({
        taskId: taskRef.taskId,
        /** The version queue.list answered; a task changed since then is refused (CONFLICT). */
        version: taskRef.version.optional(),
        outcome: z.string().min(1, 'Choose an outcome'),
        notes: z.string().max(4000, 'Notes can be at most 4000 characters').optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const task = await taskInMyDepartment(ctx, input.taskId, 'complete tasks');
      if (task.status === 'completed' || task.status === 'cancelled') {
        throw new TRPCError({
          code: 'CONFLICT',
          message: `This task is already ${task.status}; refresh your queue.`,
        });
      }
      if (input.version !== undefined && input.version !== task.version) {
        throw await conflictFor(ctx.db, ctx.staff, task.id);
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
          node: task.nodeId,
          visit: task.visit,
          outcome: input.outcome,
          by: `staff:${ctx.staff.id}`,
          ...(input.notes ? { note: input.notes } : {}),
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
