/**
 * `admin.*`: the jurisdiction's administration. Admins reach everything; department heads reach the
 * staff and roles of the departments they head (see api/src/admin/admin-scope.ts). Every change
 * writes an audit_log row in its own transaction.
 */
import { managedDepartmentIds } from '../../admin/admin-scope.js';
import { router, staffProcedure } from '../trpc.js';
import { apiKeysRouter } from './api-keys-router.js';
import { auditRouter } from './audit-router.js';
import { bindingsRouter } from './bindings-router.js';
import { departmentsRouter } from './departments-router.js';
import { jurisdictionRouter } from './jurisdiction-router.js';
import { packsRouter } from './packs-router.js';
import { rolesRouter } from './roles-router.js';
import { servicesRouter } from './services-router.js';
import { staffRouter } from './staff-router.js';

export const adminRouter = router({
  /** What the caller may administer: everything (admin), some departments (head), or nothing. */
  scope: staffProcedure.query(async ({ ctx }) => {
    const managed = await managedDepartmentIds(ctx.db, ctx.staff);
    const departments = await ctx.db.department.findMany({
      where: { jurisdictionId: ctx.staff.jurisdictionId, ...(managed ? { id: { in: managed } } : {}) },
      select: { code: true, name: true },
      orderBy: { code: 'asc' },
    });
    return { isAdmin: ctx.staff.isAdmin, name: ctx.staff.name, departments };
  }),
  departments: departmentsRouter,
  roles: rolesRouter,
  staff: staffRouter,
  services: servicesRouter,
  bindings: bindingsRouter,
  apiKeys: apiKeysRouter,
  jurisdiction: jurisdictionRouter,
  audit: auditRouter,
  packs: packsRouter,
});
