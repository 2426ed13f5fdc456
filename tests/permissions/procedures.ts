/**
 * EVERY tRPC procedure, with the input each role sends and the outcome each role must get. The
 * matrix test fails when `appRouter` has a procedure this table does not list, so a new procedure
 * cannot ship without deciding who may call it.
 *
 * `expect` is the policy (auth/permissions.ts). Where a router owned elsewhere does not enforce it
 * yet, `today` pins what it does now and `gap` says what is missing; the test asserts `today` and
 * lists the gaps, and fails once the router is fixed so the row is updated to the policy.
 */
import type { Fixture } from './fixture.js';
import {
  adminOnly,
  anyStaff,
  department,
  departmentHead,
  everyone,
  tokenHolder,
  type Expectation,
  type Role,
} from './roles.js';

export interface ProcedureSpec {
  input: (f: Fixture, role: Role) => unknown;
  expect: Expectation;
  today?: Expectation;
  gap?: string;
  /** Runs after every other row (it ends sessions or changes what other rows rely on). */
  last?: boolean;
}

const stale = 999_999; // a task version no task has: the change is refused with CONFLICT after the checks
const tokenOf = (f: Fixture, role: Role) =>
  role === 'resident' ? f.request.token : 'not-the-tracking-token';
const streetsQueue = () => ({ department: 'streets' });
const noInput = () => undefined;
const dashboard = () => ({ by: 'service' as const });

export const procedures: Record<string, ProcedureSpec> = {
  // Sign-in and who am I.
  'auth.login': {
    input: () => ({ email: 'ines@springfield.gov', password: 'springfield-demo' }),
    expect: everyone(),
  },
  'auth.me': { input: noInput, expect: anyStaff() },
  'auth.logout': { input: noInput, expect: anyStaff(), last: true },

  // Residents: report, follow, track, reply, reopen.
  'intake.submit': {
    input: () => ({
      service_code: 'pothole',
      lat: 39.79,
      long: -89.65,
      attributes: { depth_cm: '3', location_type: 'road' },
    }),
    expect: everyone(),
  },
  'duplicates.likely': {
    input: () => ({ service_code: 'pothole', lat: 39.7817, long: -89.6501, description: 'hole' }),
    expect: everyone(),
  },
  'duplicates.follow': {
    input: (f, role) => ({ service_request_id: f.request.id, email: `${role.toLowerCase()}@example.org` }),
    expect: everyone(),
  },
  'tracking.get': {
    input: (f, role) => ({
      service_request_id: f.request.id,
      ...(role === 'resident' ? { token: f.request.token } : {}),
    }),
    expect: everyone(),
  },
  'resident.reply': {
    input: (f, role) => ({
      service_request_id: f.request.id,
      token: tokenOf(f, role),
      text: 'It is getting deeper',
    }),
    expect: tokenHolder('passes'),
  },
  'resident.reopen': {
    input: (f, role) => ({ service_request_id: f.request.id, token: tokenOf(f, role), reason: 'It is back' }),
    expect: tokenHolder('passes'),
  },

  // Staff on requests of their department.
  'requests.reopen': {
    input: (f) => ({ service_request_id: f.request.id, reason: 'Crew saw it again' }),
    expect: department('passes'),
  },
  'duplicates.link': {
    input: (f) => ({ service_request_id: f.other.id, duplicate_of: f.request.id }),
    expect: department('passes'),
  },
  'duplicates.unlink': { input: (f) => ({ service_request_id: f.other.id }), expect: department('passes') },

  // The queue of the Streets department.
  'queue.list': { input: streetsQueue, expect: department() },
  'queue.page': { input: streetsQueue, expect: department() },
  'queue.facets': { input: streetsQueue, expect: department() },
  'queue.map': { input: streetsQueue, expect: department() },
  'queue.notes': { input: (f) => ({ taskId: f.task.id }), expect: department() },
  'queue.colleagues': { input: streetsQueue, expect: department() },
  // Where a task may be transferred: every department's name and roles (no people, no requests).
  'queue.departments': { input: noInput, expect: anyStaff() },
  'queue.addNote': {
    input: (f) => ({ taskId: f.task.id, text: 'Internal: cone placed' }),
    expect: department(),
  },
  'queue.claim': { input: (f) => ({ taskId: f.task.id, version: stale }), expect: department('passes') },
  'queue.unclaim': { input: (f) => ({ taskId: f.task.id, version: stale }), expect: department('passes') },
  'queue.reassign': {
    input: (f) => ({ taskId: f.task.id, version: stale, assigneeId: f.ids.sam }),
    expect: department('passes'),
  },
  'queue.complete': {
    input: (f) => ({ taskId: f.task.id, version: stale, outcome: 'repaired' }),
    expect: department('passes'),
  },
  'queue.transfer': {
    input: (f) => ({ taskId: f.task.id, version: stale, department: 'parks' }),
    expect: department('passes'),
  },
  'queue.markDuplicate': {
    input: (f) => ({ taskId: f.task.id, duplicateOf: f.request.id }),
    expect: department('passes'),
  },
  'queue.bulk': {
    // Per-task refusals come back inside the answer (see the private-field and bulk checks).
    input: (f) => ({ items: [{ taskId: f.task.id, version: stale }], action: { kind: 'claim' } }),
    expect: anyStaff(),
  },

  // Numbers: public ones for everyone, staff views scoped to the caller's departments.
  'stats.summary': { input: () => ({}), expect: everyone() },
  'stats.options': { input: () => ({}), expect: everyone() },
  'stats.headline': { input: () => ({}), expect: everyone() },
  'stats.volume': { input: () => ({ period: 'day', by: 'service' }), expect: everyone() },
  'stats.closeTimes': { input: dashboard, expect: everyone() },
  'stats.sla': { input: dashboard, expect: everyone() },
  'stats.backlog': { input: dashboard, expect: everyone() },
  // A team board: staff see their own departments' per-person counts (rows scoped in dashboard-pages).
  'stats.throughput': { input: () => ({}), expect: anyStaff() },
  'stats.overdueTasks': { input: () => ({}), expect: anyStaff() },

  // The designer.
  'workflows.list': { input: noInput, expect: anyStaff() },
  'workflows.get': { input: () => ({ slug: 'pothole-repair' }), expect: anyStaff() },
  'workflows.versions': { input: () => ({ slug: 'pothole-repair' }), expect: anyStaff() },
  'workflows.version': { input: () => ({ slug: 'pothole-repair', version: 1 }), expect: anyStaff() },
  'workflows.departments': { input: noInput, expect: anyStaff() },
  'workflows.services': { input: noInput, expect: anyStaff() },
  'workflows.run': {
    input: (f) => ({ service_request_id: f.request.id }),
    expect: department(),
  },
  // Read-only replay: the department's clerks may see how a draft would route their requests.
  'workflows.whatIf': {
    input: (f) => ({ slug: 'pothole-repair', draftYaml: f.draftYaml, limit: 5 }),
    expect: department(),
  },
  'workflows.saveDraft': {
    input: (f) => ({ yaml: f.draftYaml, baseRevision: -1 }),
    expect: departmentHead('passes'),
  },
  'workflows.publish': { input: () => ({ slug: 'pothole-repair' }), expect: adminOnly('passes') },

  // Administration.
  'admin.scope': { input: noInput, expect: anyStaff() },
  'admin.departments.list': { input: noInput, expect: departmentHead() },
  'admin.departments.create': { input: () => ({}), expect: adminOnly('passes') },
  'admin.departments.rename': { input: () => ({}), expect: adminOnly('passes') },
  'admin.roles.save': {
    input: (f, role) => ({
      department: 'streets',
      code: `temp-${role.toLowerCase()}`,
      name: 'Temporary role',
    }),
    expect: departmentHead(),
  },
  'admin.roles.delete': {
    input: (f, role) => ({ department: 'streets', code: `temp-${role.toLowerCase()}` }),
    expect: departmentHead('passes'),
  },
  'admin.staff.list': { input: noInput, expect: departmentHead() },
  'admin.staff.create': {
    input: (f, role) => ({
      email: `new-${role.toLowerCase()}@springfield.gov`,
      name: 'New Clerk',
      memberships: [{ department: 'streets', access: 'staff', roles: [] }],
    }),
    expect: departmentHead(),
  },
  'admin.staff.deactivate': { input: (f) => ({ staffId: f.ids.sky }), expect: departmentHead('passes') },
  'admin.staff.reactivate': { input: (f) => ({ staffId: f.ids.sky }), expect: departmentHead('passes') },
  'admin.staff.setMembership': {
    input: (f) => ({ staffId: f.ids.sky, department: 'streets', access: 'staff', roles: ['crew'] }),
    expect: departmentHead('passes'),
  },
  'admin.staff.removeMembership': {
    input: (f) => ({ staffId: f.ids.sky, department: 'streets' }),
    expect: departmentHead('passes'),
    last: true,
  },
  'admin.services.list': { input: noInput, expect: adminOnly() },
  'admin.services.save': { input: () => ({}), expect: adminOnly('passes') },
  'admin.services.setActive': { input: () => ({}), expect: adminOnly('passes') },
  'admin.bindings.list': { input: noInput, expect: adminOnly() },
  'admin.bindings.bind': { input: () => ({}), expect: adminOnly('passes') },
  'admin.bindings.unbind': { input: () => ({}), expect: adminOnly('passes') },
  'admin.apiKeys.list': { input: noInput, expect: adminOnly() },
  'admin.apiKeys.create': { input: () => ({}), expect: adminOnly('passes') },
  'admin.apiKeys.revoke': { input: () => ({}), expect: adminOnly('passes') },
  'admin.jurisdiction.get': { input: noInput, expect: adminOnly() },
  'admin.jurisdiction.update': { input: () => ({ name: 12 }), expect: adminOnly('passes') },
  'admin.jurisdiction.saveArea': { input: () => ({}), expect: adminOnly('passes') },
  'admin.jurisdiction.deleteArea': { input: () => ({}), expect: adminOnly('passes') },
  'admin.audit.list': { input: () => ({}), expect: adminOnly() },
  'admin.packs.export': { input: () => ({ department: 'streets' }), expect: adminOnly() },
  'admin.packs.validate': { input: () => ({ yaml: 'not: [a pack' }), expect: adminOnly('passes') },
  'admin.packs.import': { input: () => ({ yaml: 'not: [a pack' }), expect: adminOnly('passes') },
};
