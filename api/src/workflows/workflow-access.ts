/**
 * Who may edit or replay a workflow draft: administrators, and heads of a department whose services
 * the workflow handles (the services bound to it, else the services its draft names). Clerks work the
 * queue a workflow feeds; they do not change it.
 */
import { TRPCError } from '@trpc/server';
import { allows, type SignedInStaff } from '../auth/permissions.js';
import type { PrismaClient } from '../db/generated/client.js';

/** The departments a workflow serves: those of its bound services, else of the services its draft names. */
export async function workflowDepartmentIds(
  db: PrismaClient,
  jurisdictionId: string,
  slug: string,
  draftServices: readonly string[],
): Promise<string[]> {
  const bound = await db.serviceWorkflowBinding.findMany({
    where: { workflowDefinition: { jurisdictionId, slug } },
    select: { service: { select: { departmentId: true } } },
  });
  const services =
    bound.length > 0
      ? bound.map((b) => b.service)
      : await db.service.findMany({
          where: { jurisdictionId, code: { in: [...draftServices] } },
          select: { departmentId: true },
        });
  return [...new Set(services.map((s) => s.departmentId))];
}

/** Throws FORBIDDEN unless `staff` may change (or replay) the draft of `slug`; `what` names the act. */
export async function requireDraftAccess(
  db: PrismaClient,
  staff: SignedInStaff,
  slug: string,
  draftServices: readonly string[],
  what: string,
): Promise<void> {
  if (staff.isAdmin) return;
  const departments = await workflowDepartmentIds(db, staff.jurisdictionId, slug, draftServices);
  // A workflow no service uses yet may be started by any department head.
  const allowed =
    departments.length === 0
      ? staff.headOfDepartmentIds.length > 0
      : departments.some((departmentId) =>
          allows(staff, 'workflow.draft', { jurisdictionId: staff.jurisdictionId, departmentId }),
        );
  if (!allowed)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Only the head of the department that handles '${slug}' (or an administrator) can ${what}.`,
    });
}
