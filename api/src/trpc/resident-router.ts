/**
 * What a resident can do on their own request with its tracking token: answer the city's question
 * ("send us a photo") and reopen it when the problem came back.
 */
import { TRPCError } from '@trpc/server';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { PrismaClient } from '../db/generated/client.js';
import { requestRunInput } from '../requests/run-input.js';
import { ReopenRefusedError, ResidentReplyRejectedError } from '../workflow-gateway.js';
import { publicProcedure, router } from './trpc.js';

const ownRequest = z.object({
  service_request_id: z.string().regex(/^\d{1,18}$/, 'A request id is a whole number, e.g. 1042'),
  token: z.string().min(1, 'The tracking token from your confirmation is needed'),
});

/** Loads the request when the token is its own; the same answer for a wrong token and no request. */
async function requestOwnedBy(db: PrismaClient, id: string, token: string) {
  const request = await db.serviceRequest.findUnique({ where: { id: BigInt(id) } });
  const same =
    request &&
    request.token.length === token.length &&
    timingSafeEqual(Buffer.from(request.token), Buffer.from(token));
  if (!request || !same)
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: `There is no request ${id} with that tracking token.`,
    });
  return request;
}

export const residentRouter = router({
  /** A reply to the city: resumes a workflow waiting for it, or is kept as a public note. */
  reply: publicProcedure
    .input(
      ownRequest.extend({
        text: z
          .string()
          .trim()
          .min(1, 'Write your reply')
          .max(4000, 'A reply can be at most 4000 characters'),
        media_url: z.url({ protocol: /^https?$/ }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await requestOwnedBy(ctx.db, input.service_request_id, input.token);
      try {
        return await ctx.workflows.residentReply(input.service_request_id, {
          text: input.text,
          media_url: input.media_url ?? null,
        });
      } catch (error) {
        if (error instanceof ResidentReplyRejectedError)
          throw new TRPCError({ code: 'CONFLICT', message: error.message });
        throw error;
      }
    }),

  /** Reopens a closed request: the workflow starts again at the step its definition names. */
  reopen: publicProcedure
    .input(ownRequest.extend({ reason: z.string().trim().min(1, 'Say why the problem is back').max(4000) }))
    .mutation(async ({ ctx, input }) => {
      const request = await requestOwnedBy(ctx.db, input.service_request_id, input.token);
      if (request.status !== 'closed') {
        throw new TRPCError({
          code: 'CONFLICT',
          message: 'This request is still open; reply to it instead of reopening.',
        });
      }
      try {
        await ctx.workflows.reopen({
          ...(await requestRunInput(ctx.db, input.service_request_id)),
          by: 'resident',
          reason: input.reason,
        });
        return { reopened: true };
      } catch (error) {
        if (error instanceof ReopenRefusedError)
          throw new TRPCError({ code: 'CONFLICT', message: error.message });
        throw error;
      }
    }),
});
