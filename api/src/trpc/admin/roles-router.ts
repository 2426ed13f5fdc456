/** `admin.roles.*`: a department's roles, managed by admins and the department's heads. */
import { readFields, typedInput } from '../../admin/input-fields.js';
import { deleteRole, deleteRoleInput, saveRole, saveRoleInput } from '../../admin/roles.js';
import { router, staffProcedure } from '../trpc.js';

export const rolesRouter = router({
  /** Creates the role, or renames it when its code exists. */
  save: staffProcedure
    .input(typedInput(saveRoleInput))
    .mutation(({ ctx, input }) => saveRole(ctx.db, ctx.staff, readFields(saveRoleInput, input))),
  /** Deletes a role nobody holds. */
  delete: staffProcedure
    .input(typedInput(deleteRoleInput))
    .mutation(({ ctx, input }) => deleteRole(ctx.db, ctx.staff, readFields(deleteRoleInput, input))),
});
