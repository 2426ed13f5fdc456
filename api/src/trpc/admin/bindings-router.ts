/** `admin.bindings.*`: which workflow handles each service. */
import { bindInput, bindService, listBindings, unbindInput, unbindService } from '../../admin/bindings.js';
import { readFields, typedInput } from '../../admin/input-fields.js';
import { adminProcedure, router } from '../trpc.js';

export const bindingsRouter = router({
  list: adminProcedure.query(({ ctx }) => listBindings(ctx.db, ctx.staff.jurisdictionId)),
  bind: adminProcedure
    .input(typedInput(bindInput))
    .mutation(({ ctx, input }) => bindService(ctx.db, ctx.staff, readFields(bindInput, input))),
  unbind: adminProcedure
    .input(typedInput(unbindInput))
    .mutation(({ ctx, input }) => unbindService(ctx.db, ctx.staff, readFields(unbindInput, input))),
});
