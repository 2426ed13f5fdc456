/**
 * Who may do what, in one place. Four kinds of caller:
 * - admin: everything in their jurisdiction;
 * - department head: their departments' queue, staff, workflow drafts and statistics;
 * - staff: their departments' queue and requests (private resident fields included);
 * - anonymous / resident: intake, their own request with its tracking token, public statistics.
 * Routers ask `allows` / `requirePermission`; nothing else decides access.
 */
import { TRPCError } from '@trpc/server';
import type { StaffIdentity } from '../app-context.js';

/** A signed-in staff member with the departments they head (a subset of `departmentIds`). */
export interface SignedInStaff extends StaffIdentity {
  headOfDepartmentIds: string[];
}

/** The least role that holds each permission, and its scope. */
export const policy = {
  /** See and work the department's tasks (claim, complete, transfer out, note). */
  'queue.work': 'staff',
  /** Take a task from whoever claimed it; reassign within the department. */
  'queue.override': 'department_head',
  /** Reopen, link duplicates, and other changes to the department's requests. */
  'request.change': 'staff',
  /** Read the resident's name, email and phone on the department's requests. */
  'request.private_fields': 'staff',
  /** Add, edit and deactivate the department's staff and their roles. */
  'department.staff': 'department_head',
  /** Save workflow drafts for the department's services. */
  'workflow.draft': 'department_head',
  /** The department's internal statistics (beyond the public ones). */
  'department.stats': 'department_head',
  /** Publish workflows, manage departments, services, API keys, settings, the audit log. */
  'jurisdiction.admin': 'admin',
} as const satisfies Record<string, 'staff' | 'department_head' | 'admin'>;

export type Permission = keyof typeof policy;

/** What a permission is checked against: the subject's jurisdiction and, if any, its department. */
export interface Scope {
  jurisdictionId: string;
  departmentId?: string | null;
}

/** Whether a staff member (or nobody) holds `permission` on `scope`. */
export function allows(staff: SignedInStaff | null, permission: Permission, scope: Scope): boolean {
  if (!staff || staff.jurisdictionId !== scope.jurisdictionId) return false;
  if (staff.isAdmin) return true;
  const needs = policy[permission];
  if (needs === 'admin' || !scope.departmentId) return false;
  if (needs === 'department_head') return staff.headOfDepartmentIds.includes(scope.departmentId);
  return staff.departmentIds.includes(scope.departmentId);
}

const refusals: Record<Permission, string> = {
  'queue.work': "You can only {what} in your own department's queue.",
  'queue.override': "Only the department's head or an admin can {what}.",
  'request.change': "You can only {what} your own department's requests.",
  'request.private_fields': "Only the request's department can see {what}.",
  'department.staff': "Only the department's head or an admin can {what}.",
  'workflow.draft': "Only the department's head or an admin can {what}.",
  'department.stats': "Only the department's head or an admin can {what}.",
  'jurisdiction.admin': 'Only an administrator can {what}. Ask your city admin.',
};

/** Throws FORBIDDEN (UNAUTHORIZED when nobody is signed in) unless `staff` holds the permission. */
export function requirePermission(
  staff: SignedInStaff | null,
  permission: Permission,
  scope: Scope,
  what: string,
): asserts staff is SignedInStaff {
  if (!staff) throw new TRPCError({ code: 'UNAUTHORIZED', message: `Sign in as staff to ${what}.` });
  if (!allows(staff, permission, scope))
    throw new TRPCError({ code: 'FORBIDDEN', message: refusals[permission].replace('{what}', what) });
}

/** The caller's strongest role in a department (or in the jurisdiction when no department is given). */
export function roleOf(
  staff: SignedInStaff | null,
  departmentId?: string,
): 'admin' | 'department_head' | 'staff' | 'anonymous' {
  if (!staff) return 'anonymous';
  if (staff.isAdmin) return 'admin';
  if (departmentId === undefined) return staff.headOfDepartmentIds.length > 0 ? 'department_head' : 'staff';
  if (staff.headOfDepartmentIds.includes(departmentId)) return 'department_head';
  return staff.departmentIds.includes(departmentId) ? 'staff' : 'anonymous';
}
