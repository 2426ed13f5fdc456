/** `admin.audit.list`: who did what, newest first, paged and filtered. */
import { auditQueryInput, readAuditLog } from '../../admin/audit-log.js';
import { readFields, typedInput } from '../../admin/input-fields.js';
import { adminProcedure, router } from '../trpc.js';

export const auditRouter = router({
  list: adminProcedure
    .input(typedInput(auditQueryInput))
    .query(({ ctx, input }) =>
      readAuditLog(ctx.db, ctx.staff.jurisdictionId, readFields(auditQueryInput, input)),
    ),
});
