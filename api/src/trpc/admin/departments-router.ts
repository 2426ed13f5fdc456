/** `admin.departments.*`: list (admins and department heads), create and rename (admins). */
import { assertAdminOrHead } from '../../admin/admin-scope.js';
import {
  createDepartment,
  createDepartmentInput,
  listDepartments,
  renameDepartment,
  renameDepartmentInput,
} from '../../admin/departments.js';
import { readFields, typedInput } from '../../admin/input-fields.js';
import { adminProcedure, router, staffProcedure } from '../trpc.js';

export const departmentsRouter = router({
  list: staffProcedure.query(async ({ ctx }) => {
    await assertAdminOrHead(ctx.db, ctx.staff);
    return listDepartments(ctx.db, ctx.staff.jurisdictionId);
  }),
  create: adminProcedure
    .input(typedInput(createDepartmentInput))
    .mutation(({ ctx, input }) =>
      createDepartment(ctx.db, ctx.staff, readFields(createDepartmentInput, input)),
    ),
  rename: adminProcedure
    .input(typedInput(renameDepartmentInput))
    .mutation(({ ctx, input }) =>
      renameDepartment(ctx.db, ctx.staff, readFields(renameDepartmentInput, input)),
    ),
});
