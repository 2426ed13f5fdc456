/**
 * What a clerk does to one task, as plain functions over the tRPC context: claim, unclaim, give to
 * a colleague, mark its request a duplicate, add an internal note. The single-task procedures and
 * the bulk action both call these, so the department check, the version guard and the audit row are
 * the same either way. Each throws a TRPCError a person can act on.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DuplicateRefusedError, linkDuplicate } from '../duplicates/index.js';
import { addInternalNote } from '../queue/index.js';
import {
  canOverride,
  guardedUpdate,
  taskInMyDepartment,
  taskRef,
  type StaffContext,
} from './queue-guards.js';

type TaskRef = { taskId: string; version: number };

export const reassignFields = {
  assigneeId: z.string().uuid('assigneeId is the id of a staff member of the task department'),
};
export const duplicateFields = {
  duplicateOf: z
    .string()
    .trim()
    .regex(/^#?\d{1,18}$/, 'duplicateOf: give the number of the earlier request, e.g. 1042'),
};
export const noteFields = {
  text: z
    .string()
    .trim()
    .min(1, 'text: write the note first')
    .max(4000, 'text: a note can be at most 4000 characters'),
};
/** Marking a duplicate and adding a note do not change the task, so its version is optional there. */
export const looseTaskRef = { taskId: taskRef.taskId, version: taskRef.version.optional() };

/** Takes an open task: it becomes yours; a stale version or a task someone else took is a CONFLICT. */
export async function claimTask(ctx: StaffContext, input: TaskRef) {
  const task = await taskInMyDepartment(ctx, input.taskId, 'claim tasks');
  return guardedUpdate(
    ctx,
    task,
    { version: input.version, statuses: ['open'] },
    { status: 'claimed', assigneeId: ctx.staff.id, claimedAt: ctx.now() },
    { action: 'task.claim', data: { assigneeId: ctx.staff.id } },
  );
}

/** Puts a claimed task back in the queue; only its claimer or a department head / admin may. */
export async function unclaimTask(ctx: StaffContext, input: TaskRef) {
  const task = await taskInMyDepartment(ctx, input.taskId, 'unclaim tasks');
  if (
    task.status === 'claimed' &&
    task.assigneeId !== ctx.staff.id &&
    !(await canOverride(ctx, task.departmentId))
  ) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Only the person who claimed this task, a department head or an admin can unclaim it.',
    });
  }
  return guardedUpdate(
    ctx,
    task,
    { version: input.version, statuses: ['claimed'] },
    { status: 'open', assigneeId: null, claimedAt: null },
    { action: 'task.unclaim', data: { previousAssigneeId: task.assigneeId } },
  );
}

/**
 * Gives a task to another staff member of its department (it becomes claimed by them). A task
 * someone else claimed can be reassigned only by a department head or an admin.
 */
export async function reassignTask(ctx: StaffContext, input: TaskRef & { assigneeId: string }) {
  const task = await taskInMyDepartment(ctx, input.taskId, 'reassign tasks');
  const claimedByOther = task.status === 'claimed' && task.assigneeId !== ctx.staff.id;
  if (claimedByOther && !(await canOverride(ctx, task.departmentId))) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'This task is claimed by someone else; only a department head or an admin can reassign it.',
    });
  }
  const assignee = await ctx.db.staffMembership.findUnique({
    where: { staffId_departmentId: { staffId: input.assigneeId, departmentId: task.departmentId } },
    include: { staff: true },
  });
  if (!assignee?.staff.active) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'assigneeId: choose an active staff member of the task department.',
    });
  }
  return guardedUpdate(
    ctx,
    task,
    { version: input.version, statuses: ['open', 'claimed'] },
    { status: 'claimed', assigneeId: input.assigneeId, claimedAt: ctx.now() },
    {
      action: 'task.reassign',
      data: { assigneeId: input.assigneeId, previousAssigneeId: task.assigneeId },
    },
  );
}

/**
 * Marks the task's request a duplicate of an earlier one (the duplicates module's link: both
 * timelines are told, cycles are refused, the audit log records it). The task itself stays; the
 * clerk completes it with the workflow's outcome for duplicates where it has one.
 */
export async function markTaskDuplicate(ctx: StaffContext, input: { taskId: string; duplicateOf: string }) {
  const task = await taskInMyDepartment(ctx, input.taskId, 'mark duplicates');
  try {
    const linked = await linkDuplicate(ctx.db, {
      requestId: task.requestId,
      duplicateOfId: BigInt(input.duplicateOf.replace(/^#/, '')),
      by: `staff:${ctx.staff.id}`,
      jurisdictionId: ctx.staff.jurisdictionId,
      now: ctx.now(),
    });
    return {
      service_request_id: linked.requestId,
      duplicate_of: linked.duplicateOfId,
      changed: linked.changed,
    };
  } catch (error) {
    if (error instanceof DuplicateRefusedError) {
      const field = error.field === 'duplicate_of_id' ? 'duplicateOf' : error.field;
      throw new TRPCError({
        code: error.reason === 'not_found' ? 'NOT_FOUND' : 'BAD_REQUEST',
        message: `${field}: ${error.message}`,
      });
    }
    throw error;
  }
}

/** Adds an internal note (staff only, never shown to the resident) to the task's request. */
export async function noteOnTask(ctx: StaffContext, input: { taskId: string; text: string }) {
  const task = await taskInMyDepartment(ctx, input.taskId, 'add notes');
  return addInternalNote(ctx.db, {
    requestId: task.requestId,
    taskId: task.id,
    staffId: ctx.staff.id,
    text: input.text,
    now: ctx.now(),
  });
}
