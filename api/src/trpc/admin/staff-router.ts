/** `admin.staff.*`: accounts and memberships; department heads manage the people of their departments. */
import { assertAdminOrHead } from '../../admin/admin-scope.js';
import { readFields, typedInput } from '../../admin/input-fields.js';
import {
  createStaff,
  listStaff,
  removeMembership,
  setMembership,
  setStaffActive,
} from '../../admin/staff.js';
import {
  createStaffInput,
  removeMembershipInput,
  setMembershipInput,
  staffRef,
} from '../../admin/staff-input.js';
import { router, staffProcedure } from '../trpc.js';

/** Staff procedures only admins and department heads reach. */
const managerProcedure = staffProcedure.use(async ({ ctx, next }) => {
  await assertAdminOrHead(ctx.db, ctx.staff);
  return next();
});

export const staffRouter = router({
  list: managerProcedure.query(({ ctx }) => listStaff(ctx.db, ctx.staff)),
  /** Creates the account; answers its temporary password once. */
  create: managerProcedure
    .input(typedInput(createStaffInput))
    .mutation(({ ctx, input }) => createStaff(ctx.db, ctx.staff, readFields(createStaffInput, input))),
  deactivate: managerProcedure
    .input(typedInput(staffRef))
    .mutation(({ ctx, input }) =>
      setStaffActive(ctx.db, ctx.staff, readFields(staffRef, input).staffId, false),
    ),
  reactivate: managerProcedure
    .input(typedInput(staffRef))
    .mutation(({ ctx, input }) =>
      setStaffActive(ctx.db, ctx.staff, readFields(staffRef, input).staffId, true),
    ),
  setMembership: managerProcedure
    .input(typedInput(setMembershipInput))
    .mutation(({ ctx, input }) => setMembership(ctx.db, ctx.staff, readFields(setMembershipInput, input))),
  removeMembership: managerProcedure
    .input(typedInput(removeMembershipInput))
    .mutation(({ ctx, input }) =>
      removeMembership(ctx.db, ctx.staff, readFields(removeMembershipInput, input)),
    ),
});
