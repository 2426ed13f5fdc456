/** `intake.submit`: the portal's (and any tRPC client's) way to file a request. */
import { z } from 'zod';
import { submitRequest } from '../intake/submit-request.js';
import { FieldErrorsError, publicProcedure, router } from './trpc.js';
import { jurisdictionFor } from './jurisdiction.js';

export const intakeRouter = router({
  /** Validates and stores a request; answers its id and tracking token, or every field error at once. */
  submit: publicProcedure
    // The full check runs in submitRequest against the service's attributes; this only shapes the envelope.
    .input(z.object({ jurisdiction_id: z.string().optional() }).passthrough())
    .mutation(async ({ ctx, input }) => {
      const { jurisdiction_id, ...submission } = input;
      const jurisdictionId = await jurisdictionFor(ctx.db, jurisdiction_id);
      const channel = (submission as { channel?: unknown }).channel ?? 'web';
      const result = await submitRequest(ctx.db, jurisdictionId, { ...submission, channel }, ctx.now(), {
        geocoder: ctx.geocoder,
      });
      if (!result.ok)
        throw new FieldErrorsError(result.errors, result.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST');
      return {
        service_request_id: result.request.id,
        token: result.request.token,
        service_notice: result.request.serviceNotice,
        expected_datetime: result.request.expectedAt?.toISOString() ?? null,
      };
    }),
});
