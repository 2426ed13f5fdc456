/** What staff do to a whole request (not one task): reopen it when the problem came back. */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { requirePermission } from '../auth/permissions.js';
import { requestRunInput } from '../requests/run-input.js';
import { ReopenRefusedError } from '../workflow-gateway.js';
import { router, staffProcedure } from './trpc.js';

export const staffRequestsRouter = router({
  /** Reopens a closed request of the clerk's department; the workflow resumes at its `reopen:` node. */
  reopen: staffProcedure
    .input(
      z.object({
        service_request_id: z.string().regex(/^\d{1,18}$/, 'A request id is a whole number, e.g. 1042'),
        reason: z.string().trim().min(1, 'reason: say why the request is reopened').max(4000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const request = await ctx.db.serviceRequest.findUnique({
        where: { id: BigInt(input.service_request_id) },
      });
      if (!request || request.jurisdictionId !== ctx.staff.jurisdictionId) {
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `There is no request ${input.service_request_id}.`,
        });
      }
      requirePermission(ctx.staff, 'request.change', request, 'reopen');
      if (request.status !== 'closed') {
        throw new TRPCError({
          code: 'CONFLICT',
          message: 'This request is still open; there is nothing to reopen.',
        });
      }
      try {
        await ctx.workflows.reopen({
          ...(await requestRunInput(ctx.db, input.service_request_id)),
          by: `staff:${ctx.staff.id}`,
          reason: input.reason,
        });
      } catch (error) {
        if (error instanceof ReopenRefusedError)
          throw new TRPCError({ code: 'CONFLICT', message: error.message });
        throw error;
      }
      await ctx.db.auditLog.create({
        data: {
          actorType: 'staff',
          actorId: ctx.staff.id,
          action: 'request.reopen',
          subjectType: 'service_request',
          subjectId: input.service_request_id,
          data: { reason: input.reason },
        },
      });
      return { reopened: true };
    }),
});
