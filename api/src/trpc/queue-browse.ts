/**
 * Reading the queue: `queue.page` (filtered, sorted keyset pages), `queue.facets` (counts per filter
 * value), `queue.map` (located tasks) and `queue.notes` (a request's internal notes).
 * @see issue #7, "Staff: queue"
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  BadCursorError,
  cursorAfter,
  decodeCursor,
  encodeCursor,
  listInternalNotes,
  queueFacetCounts,
  queueFilterFields,
  queueMapPoints,
  queuePageKeys,
  QUEUE_SORTS,
  toQueueRow,
  type QueueCursor,
} from '../queue/index.js';
import { taskInMyDepartment } from './queue-guards.js';
import { resolveQueueScope } from './queue-scope.js';
import { staffProcedure } from './trpc.js';

const filters = z.object(queueFilterFields);

const pageInput = filters.extend({
  sort: z.enum(QUEUE_SORTS).default('due'),
  limit: z.number().int().min(1).max(100, 'limit: at most 100 tasks per page').default(25),
  /** `next` of the previous page; absent for the first page. */
  cursor: z.string().max(1000).optional(),
});

/** A cursor problem as a BAD_REQUEST naming the field. */
function readCursor(text: string | undefined, sort: (typeof QUEUE_SORTS)[number]): QueueCursor | null {
  if (!text) return null;
  try {
    return decodeCursor(text, sort);
  } catch (error) {
    if (error instanceof BadCursorError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    throw error;
  }
}

/** One page of the department's waiting tasks; `next` continues it, null on the last page. */
export const queuePageProcedure = staffProcedure.input(pageInput).query(async ({ ctx, input }) => {
  const cursor = readCursor(input.cursor, input.sort);
  const scope = await resolveQueueScope(ctx, input, cursor?.asOf);
  const keys = await queuePageKeys(ctx.db, scope, input.sort, cursor, input.limit);
  const page = keys.slice(0, input.limit);
  const last = page.at(-1);
  return {
    as_of: scope.asOf.toISOString(),
    tasks: page.map((row) => toQueueRow(row, scope.asOf)),
    next: keys.length > input.limit && last ? encodeCursor(cursorAfter(last, input.sort, scope.asOf)) : null,
  };
});

/** How many tasks each filter value would show (each facet leaves out its own filter), with names. */
export const queueFacetsProcedure = staffProcedure.input(filters).query(async ({ ctx, input }) => {
  const scope = await resolveQueueScope(ctx, input);
  const counts = await queueFacetCounts(ctx.db, scope);
  const [services, districts] = await Promise.all([
    ctx.db.service.findMany({
      where: { id: { in: Object.keys(counts.service) } },
      select: { id: true, code: true, name: true },
    }),
    ctx.db.jurisdictionArea.findMany({
      where: { jurisdictionId: scope.jurisdictionId, kind: 'district' },
      select: { code: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return {
    as_of: scope.asOf.toISOString(),
    total: counts.total,
    status: counts.status,
    assignee: counts.assignee,
    sla: counts.sla,
    age: counts.age,
    services: services
      .map((s) => ({ code: s.code, name: s.name, count: counts.service[s.id] ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    districts: [
      ...districts.map((d) => ({ code: d.code, name: d.name, count: counts.district[d.code] ?? 0 })),
      ...Object.entries(counts.district)
        .filter(([code]) => code !== '' && !districts.some((d) => d.code === code))
        .map(([code, count]) => ({ code, name: code, count })),
    ],
  };
});

/** The located tasks the filters select, soonest due first, at most `limit`. */
export const queueMapProcedure = staffProcedure
  .input(filters.extend({ limit: z.number().int().min(1).max(5000).default(2000) }))
  .query(async ({ ctx, input }) => {
    const scope = await resolveQueueScope(ctx, input);
    return { as_of: scope.asOf.toISOString(), ...(await queueMapPoints(ctx.db, scope, input.limit)) };
  });

/** The internal notes on a task's request (staff of the task's department only). */
export const queueNotesProcedure = staffProcedure
  .input(z.object({ taskId: z.string().uuid('taskId is the id of a task from queue.page') }))
  .query(async ({ ctx, input }) => {
    const task = await taskInMyDepartment(ctx, input.taskId, 'read notes');
    return listInternalNotes(ctx.db, task.requestId);
  });
