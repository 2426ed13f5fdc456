/**
 * Guards shared by the queue procedures: department scope, who may override a claim, and the
 * version-checked update that turns a lost race into a clear CONFLICT.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { StaffIdentity } from '../app-context.js';
import { allows, requirePermission, type SignedInStaff } from '../auth/permissions.js';
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import type { TrpcContext } from './trpc.js';

export type StaffContext = TrpcContext & { staff: SignedInStaff };
export type TaskRow = NonNullable<Awaited<ReturnType<PrismaClient['task']['findUnique']>>>;

/**
 * Staff act only in their own departments; admins in every department of their jurisdiction
 * (`jurisdictionId` of the department; the caller's own when the department was looked up in it).
 */
export function assertInDepartment(
  staff: SignedInStaff,
  departmentId: string,
  what: string,
  jurisdictionId = staff.jurisdictionId,
) {
  requirePermission(staff, 'queue.work', { jurisdictionId, departmentId }, what);
}

/** Admins and the department's heads may take a task away from whoever claimed it. */
export async function canOverride(ctx: StaffContext, departmentId: string): Promise<boolean> {
  return allows(ctx.staff, 'queue.override', { jurisdictionId: ctx.staff.jurisdictionId, departmentId });
}

/**
 * The task, after checking it exists and the caller works in its department. A task of another
 * jurisdiction is NOT_FOUND, as if it did not exist.
 */
export async function taskInMyDepartment(ctx: StaffContext, taskId: string, what: string): Promise<TaskRow> {
  const task = await ctx.db.task.findUnique({
    where: { id: taskId },
    include: { department: { select: { jurisdictionId: true } } },
  });
  if (!task || task.department.jurisdictionId !== ctx.staff.jurisdictionId)
    throw new TRPCError({ code: 'NOT_FOUND', message: `There is no task ${taskId}.` });
  assertInDepartment(ctx.staff, task.departmentId, what, task.department.jurisdictionId);
  const { department: _department, ...row } = task;
  return row;
}

/** Why a guarded update matched no row, read back from the task as it is now. */
export async function conflictFor(
  db: PrismaClient,
  staff: StaffIdentity,
  taskId: string,
): Promise<TRPCError> {
  const now = await db.task.findUnique({ where: { id: taskId } });
  let message: string;
  if (!now) message = 'This task no longer exists; refresh your queue.';
  else if (now.status === 'completed' || now.status === 'cancelled')
    message = `This task is already ${now.status}; refresh your queue.`;
  else if (now.status === 'claimed' && now.assigneeId === staff.id)
    message = 'You already claimed this task; refresh your queue.';
  else if (now.status === 'claimed') message = 'Someone else claimed this task just now; refresh your queue.';
  else message = 'This task changed since your queue was loaded; refresh your queue.';
  return new TRPCError({ code: 'CONFLICT', message });
}

export const taskRef = {
  taskId: z.string().uuid('taskId is the id of a task from queue.list'),
  version: z
    .number({ error: 'version is the task version queue.list answered' })
    .int('version is a whole number from queue.list')
    .min(0, 'version is the task version queue.list answered'),
};

/**
 * Applies `data` to the task only if it still has the `version` the caller saw and one of `statuses`,
 * bumping the version and writing the audit row in the same transaction; CONFLICT otherwise.
 */
export async function guardedUpdate(
  ctx: StaffContext,
  task: TaskRow,
  seen: { version: number; statuses: string[] },
  data: Prisma.TaskUncheckedUpdateManyInput,
  audit: { action: string; data: Prisma.InputJsonObject },
) {
  const updated = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({
      where: { id: task.id, version: seen.version, status: { in: seen.statuses } },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) return null;
    await tx.auditLog.create({
      data: {
        actorType: 'staff',
        actorId: ctx.staff.id,
        action: audit.action,
        subjectType: 'task',
        subjectId: task.id,
        data: { ...audit.data, requestId: task.requestId.toString(), version: seen.version + 1 },
      },
    });
    return tx.task.findUniqueOrThrow({ where: { id: task.id } });
  });
  if (!updated) throw await conflictFor(ctx.db, ctx.staff, task.id);
  return {
    id: updated.id,
    status: updated.status,
    assignee_id: updated.assigneeId,
    claimed_at: updated.claimedAt?.toISOString() ?? null,
    version: updated.version,
  };
}
