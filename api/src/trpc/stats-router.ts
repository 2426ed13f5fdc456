/** `stats.summary`: requests opened, closed, and time to close — public numbers, no private fields. */
import { z } from 'zod';
import { isoDateTime } from '@civicdesk/schemas';
import { statsSummary } from '../stats/summary.js';
import { publicProcedure, router } from './trpc.js';
import { jurisdictionFor } from './jurisdiction.js';

export const statsRouter = router({
  summary: publicProcedure
    .input(
      z
        .object({
          jurisdiction_id: z.string().optional(),
          from: isoDateTime.optional(),
          to: isoDateTime.optional(),
          service_code: z.string().optional(),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const jurisdictionId = await jurisdictionFor(ctx.db, input.jurisdiction_id);
      return statsSummary(ctx.db, {
        jurisdictionId,
        ...(input.from ? { from: new Date(input.from) } : {}),
        ...(input.to ? { to: new Date(input.to) } : {}),
        ...(input.service_code ? { serviceCode: input.service_code } : {}),
      });
    }),
});
