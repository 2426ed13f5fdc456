/**
 * A human task in a department queue, created when a request's workflow reaches a task node and
 * finished when staff pick one of its outcomes. `version` guards against two people completing it.
 */
import { z } from 'zod';
import { isoDateTime } from './datetime.js';

export const taskStatus = z.enum(['open', 'claimed', 'completed', 'cancelled']);
export type TaskStatus = z.infer<typeof taskStatus>;

export const task = z
  .object({
    id: z.string().min(1),
    request_id: z.string().min(1),
    node_id: z.string().min(1),
    title: z.string().min(1),
    kind: z.enum(['work', 'approve', 'answer']),
    department: z.string().min(1),
    role: z.string().min(1).optional(),
    status: taskStatus,
    claimed_by: z.email().optional(),
    outcomes: z.array(z.string().min(1)).min(1),
    outcome: z.string().optional(),
    due_at: isoDateTime.optional(),
    created_at: isoDateTime,
    completed_at: isoDateTime.optional(),
    version: z.number().int().nonnegative(),
  })
  .superRefine((value, ctx) => {
    if (
      value.status === 'completed' &&
      (value.outcome === undefined || !value.outcomes.includes(value.outcome))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: `A completed task needs one of its outcomes: ${value.outcomes.join(', ')}`,
      });
    }
  });
export type Task = z.infer<typeof task>;

/** What staff send to finish a task; `version` is the one they saw, so a stale screen cannot win. */
export const taskCompletion = z.object({
  task_id: z.string().min(1),
  outcome: z.string().min(1, 'Pick an outcome'),
  note: z.string().max(4000).optional(),
  version: z.number().int().nonnegative(),
});
export type TaskCompletion = z.infer<typeof taskCompletion>;
