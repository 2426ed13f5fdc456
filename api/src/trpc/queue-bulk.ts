/**
 * `queue.bulk`: one action over the tasks a clerk ticked, item by item. Each item goes through the
 * same function the single-task procedure uses (department check, version guard, audit row), and
 * answers its own result: a task someone else claimed, or one of another department, fails alone
 * and the others still go through. Nothing is all-or-nothing, so the answer lists every item.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  claimTask,
  duplicateFields,
  markTaskDuplicate,
  noteFields,
  noteOnTask,
  reassignFields,
  reassignTask,
  unclaimTask,
} from './queue-actions.js';
import { taskRef, type StaffContext } from './queue-guards.js';
import { transferFields, transferTask } from './queue-transfer.js';
import { staffProcedure } from './trpc.js';

const action = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claim') }),
  z.object({ kind: z.literal('unclaim') }),
  z.object({ kind: z.literal('reassign'), ...reassignFields }),
  z.object({ kind: z.literal('transfer'), ...transferFields }),
  z.object({ kind: z.literal('duplicate'), ...duplicateFields }),
  z.object({ kind: z.literal('note'), ...noteFields }),
]);
type BulkAction = z.infer<typeof action>;

const bulkInput = z.object({
  items: z
    .array(z.object(taskRef))
    .min(1, 'items: tick at least one task')
    .max(100, 'items: at most 100 tasks at a time')
    .refine((items) => new Set(items.map((i) => i.taskId)).size === items.length, {
      message: 'items: each task may appear once',
    }),
  action,
});

export type BulkItemResult =
  | { taskId: string; ok: true; version: number | null }
  | { taskId: string; ok: false; code: string; message: string };

/** Runs `action` on one task and answers the task's new version when it changed. */
async function runOne(ctx: StaffContext, item: { taskId: string; version: number }, act: BulkAction) {
  switch (act.kind) {
    case 'claim':
      return (await claimTask(ctx, item)).version;
    case 'unclaim':
      return (await unclaimTask(ctx, item)).version;
    case 'reassign':
      return (await reassignTask(ctx, { ...item, assigneeId: act.assigneeId })).version;
    case 'transfer': {
      const { kind: _kind, ...target } = act;
      await transferTask(ctx, { ...item, ...target });
      return null;
    }
    case 'duplicate':
      await markTaskDuplicate(ctx, { taskId: item.taskId, duplicateOf: act.duplicateOf });
      return null;
    case 'note':
      await noteOnTask(ctx, { taskId: item.taskId, text: act.text });
      return null;
  }
}

export const queueBulkProcedure = staffProcedure.input(bulkInput).mutation(async ({ ctx, input }) => {
  const results: BulkItemResult[] = [];
  for (const item of input.items) {
    try {
      results.push({ taskId: item.taskId, ok: true, version: await runOne(ctx, item, input.action) });
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      results.push({ taskId: item.taskId, ok: false, code: error.code, message: error.message });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  await ctx.db.auditLog.create({
    data: {
      actorType: 'staff',
      actorId: ctx.staff.id,
      action: 'queue.bulk',
      subjectType: 'task',
      subjectId: null,
      data: {
        kind: input.action.kind,
        tasks: input.items.map((i) => i.taskId),
        succeeded,
        failed: results.length - succeeded,
      },
    },
  });
  return { succeeded, failed: results.length - succeeded, results };
});
