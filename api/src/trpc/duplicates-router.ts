/**
 * Duplicates: residents see likely duplicates before filing and may follow one instead; staff link
 * and unlink duplicates in their departments.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  DuplicateRefusedError,
  findDuplicateCandidates,
  followRequest,
  LIKELY_DUPLICATE_SCORE,
  linkDuplicate,
  unlinkDuplicate,
} from '../duplicates/index.js';
import { requirePermission, type SignedInStaff } from '../auth/permissions.js';
import type { PrismaClient } from '../db/generated/client.js';
import { FieldErrorsError, publicProcedure, router, staffProcedure } from './trpc.js';
import { jurisdictionFor } from './jurisdiction.js';

const requestId = z.string().regex(/^\d{1,18}$/, 'A request id is a whole number, e.g. 1042');

/** Turns a refused link or follow into a field error the form can show. */
async function refusalsAsFieldErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DuplicateRefusedError) {
      throw new FieldErrorsError(
        [{ field: error.field, message: error.message }],
        error.reason === 'not_found' ? 'NOT_FOUND' : 'BAD_REQUEST',
      );
    }
    throw error;
  }
}

export const duplicatesRouter = router({
  /** Likely duplicates of what a resident is about to report (score ≥ the "likely" threshold). */
  likely: publicProcedure
    .input(
      z.object({
        jurisdiction_id: z.string().optional(),
        service_code: z.string().min(1),
        lat: z.number().min(-90).max(90),
        long: z.number().min(-180).max(180),
        description: z.string().max(4000).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const jurisdictionId = await jurisdictionFor(ctx.db, input.jurisdiction_id);
      const candidates = await findDuplicateCandidates(ctx.db, {
        jurisdictionId,
        serviceCode: input.service_code,
        lat: input.lat,
        long: input.long,
        description: input.description ?? null,
        at: ctx.now(),
      });
      return candidates.filter((c) => c.score >= LIKELY_DUPLICATE_SCORE);
    }),

  /** "Follow this one instead": the resident gets the existing request's updates. */
  follow: publicProcedure
    .input(
      z.object({
        jurisdiction_id: z.string().optional(),
        service_request_id: requestId,
        email: z.string().optional(),
        phone: z.string().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const jurisdictionId = await jurisdictionFor(ctx.db, input.jurisdiction_id);
      return refusalsAsFieldErrors(() =>
        followRequest(ctx.db, {
          jurisdictionId,
          requestId: BigInt(input.service_request_id),
          ...(input.email ? { email: input.email } : {}),
          ...(input.phone ? { phone: input.phone } : {}),
          now: ctx.now(),
        }),
      );
    }),

  link: staffProcedure
    .input(z.object({ service_request_id: requestId, duplicate_of: requestId }))
    .mutation(async ({ ctx, input }) => {
      await assertResponsible(ctx, input.service_request_id);
      return refusalsAsFieldErrors(() =>
        linkDuplicate(ctx.db, {
          requestId: BigInt(input.service_request_id),
          duplicateOfId: BigInt(input.duplicate_of),
          by: `staff:${ctx.staff.id}`,
          jurisdictionId: ctx.staff.jurisdictionId,
          now: ctx.now(),
        }),
      );
    }),

  unlink: staffProcedure
    .input(z.object({ service_request_id: requestId }))
    .mutation(async ({ ctx, input }) => {
      await assertResponsible(ctx, input.service_request_id);
      return refusalsAsFieldErrors(() =>
        unlinkDuplicate(ctx.db, {
          requestId: BigInt(input.service_request_id),
          by: `staff:${ctx.staff.id}`,
          jurisdictionId: ctx.staff.jurisdictionId,
          now: ctx.now(),
        }),
      );
    }),
});

/** Staff change duplicates only on requests their department answers for (admins on any of theirs). */
async function assertResponsible(ctx: { db: PrismaClient; staff: SignedInStaff }, id: string) {
  const request = await ctx.db.serviceRequest.findUnique({
    where: { id: BigInt(id) },
    select: { departmentId: true, jurisdictionId: true },
  });
  if (!request || request.jurisdictionId !== ctx.staff.jurisdictionId)
    throw new TRPCError({ code: 'NOT_FOUND', message: `There is no request ${id}.` });
  requirePermission(ctx.staff, 'request.change', request, 'mark duplicates on');
}
