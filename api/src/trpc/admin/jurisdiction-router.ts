/** `admin.jurisdiction.*`: name, time zone, boundary, areas and business calendar. */
import { readFields, typedInput } from '../../admin/input-fields.js';
import {
  deleteArea,
  deleteAreaInput,
  readSettings,
  saveArea,
  saveAreaInput,
  updateSettings,
  updateSettingsInput,
} from '../../admin/jurisdiction-settings.js';
import { adminProcedure, router } from '../trpc.js';

export const jurisdictionRouter = router({
  get: adminProcedure.query(({ ctx }) => readSettings(ctx.db, ctx.staff.jurisdictionId)),
  update: adminProcedure
    .input(typedInput(updateSettingsInput))
    .mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.staff, readFields(updateSettingsInput, input))),
  saveArea: adminProcedure
    .input(typedInput(saveAreaInput))
    .mutation(({ ctx, input }) => saveArea(ctx.db, ctx.staff, readFields(saveAreaInput, input))),
  deleteArea: adminProcedure
    .input(typedInput(deleteAreaInput))
    .mutation(({ ctx, input }) => deleteArea(ctx.db, ctx.staff, readFields(deleteAreaInput, input))),
});
