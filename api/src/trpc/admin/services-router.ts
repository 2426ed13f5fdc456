/** `admin.services.*`: the Open311 catalogue (services and attribute definitions), for admins. */
import { readFields, typedInput } from '../../admin/input-fields.js';
import {
  listServices,
  saveService,
  saveServiceInput,
  setServiceActive,
  setServiceActiveInput,
} from '../../admin/services.js';
import { adminProcedure, router } from '../trpc.js';

export const servicesRouter = router({
  list: adminProcedure.query(({ ctx }) => listServices(ctx.db, ctx.staff.jurisdictionId)),
  /** Creates or replaces a service; every attribute problem comes back with its path. */
  save: adminProcedure
    .input(typedInput(saveServiceInput))
    .mutation(({ ctx, input }) => saveService(ctx.db, ctx.staff, readFields(saveServiceInput, input))),
  setActive: adminProcedure
    .input(typedInput(setServiceActiveInput))
    .mutation(({ ctx, input }) =>
      setServiceActive(ctx.db, ctx.staff, readFields(setServiceActiveInput, input)),
    ),
});
