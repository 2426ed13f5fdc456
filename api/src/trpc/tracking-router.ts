/**
 * `tracking.get`: a request's status and public timeline. The private fields the resident gave
 * (name, email, phone) come only with the request's tracking token, or to staff of the request's
 * department and admins (auth/permissions.ts); everyone else gets `private: null`.
 */
import { TRPCError } from '@trpc/server';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { allows } from '../auth/permissions.js';
import { loadRequest } from '../requests/load-request.js';
import { toOpen311Request } from '../requests/open311-request.js';
import { publicProcedure, router } from './trpc.js';

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const trackingRouter = router({
  get: publicProcedure
    .input(
      z.object({
        service_request_id: z.string().regex(/^\d{1,18}$/, 'A request id is a whole number, e.g. 1042'),
        token: z.string().optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const request = await loadRequest(ctx.db, BigInt(input.service_request_id), { timeline: true });
      if (!request)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `There is no request ${input.service_request_id}.`,
        });
      const own = input.token !== undefined && sameToken(input.token, request.token);
      const mayRead = own || allows(ctx.staff, 'request.private_fields', request);
      return {
        request: {
          ...toOpen311Request(request),
          extended_status: request.extendedStatus,
          resolution: request.resolution,
        },
        timeline: request.timeline.map((e) => ({
          at: e.at.toISOString(),
          kind: e.kind,
          summary: e.summary,
          description: e.description,
        })),
        private: mayRead
          ? {
              first_name: request.firstName,
              last_name: request.lastName,
              email: request.email,
              phone: request.phone,
            }
          : null,
      };
    }),
});
