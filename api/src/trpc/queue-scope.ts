/**
 * Turns a clerk's filters into the facts the SQL needs: the department's id (after checking the
 * clerk works there), the service's id, and the instant SLA states are judged at.
 */
import { TRPCError } from '@trpc/server';
import type { QueueFilters, QueueScope } from '../queue/index.js';
import { assertInDepartment, type StaffContext } from './queue-guards.js';

/** Resolves and checks `filters` for the signed-in clerk; `asOf` from a cursor wins over the input. */
export async function resolveQueueScope(
  ctx: StaffContext,
  filters: QueueFilters,
  cursorAsOf?: Date,
): Promise<QueueScope> {
  const department = await ctx.db.department.findUnique({
    where: { jurisdictionId_code: { jurisdictionId: ctx.staff.jurisdictionId, code: filters.department } },
  });
  if (!department)
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: `department: there is no department '${filters.department}'.`,
    });
  assertInDepartment(ctx.staff, department.id, 'see tasks');
  let serviceId: string | null = null;
  if (filters.service) {
    const service = await ctx.db.service.findUnique({
      where: { jurisdictionId_code: { jurisdictionId: ctx.staff.jurisdictionId, code: filters.service } },
    });
    if (!service)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `service: there is no service '${filters.service}'; choose one of the queue's services.`,
      });
    serviceId = service.id;
  }
  const asOf = cursorAsOf ?? (filters.asOf ? new Date(filters.asOf) : ctx.now());
  return {
    filters,
    jurisdictionId: department.jurisdictionId,
    departmentId: department.id,
    staffId: ctx.staff.id,
    serviceId,
    asOf,
  };
}
