import { describe, expect, it } from 'vitest';
import { allows, requirePermission, roleOf, type SignedInStaff } from './permissions.js';

const streets = 'dept-streets';
const parks = 'dept-parks';
const city = 'springfield.gov';
const person = (over: Partial<SignedInStaff>): SignedInStaff => ({
  id: 'staff-1',
  jurisdictionId: city,
  name: 'Sam',
  isAdmin: false,
  departmentIds: [],
  headOfDepartmentIds: [],
  ...over,
});
const clerk = person({ departmentIds: [streets] });
const head = person({ departmentIds: [streets], headOfDepartmentIds: [streets] });
const admin = person({ isAdmin: true });
const inStreets = { jurisdictionId: city, departmentId: streets };

describe('the permission policy', () => {
  it('lets staff work their own department only', () => {
    expect(allows(clerk, 'queue.work', inStreets)).toBe(true);
    expect(allows(clerk, 'queue.work', { jurisdictionId: city, departmentId: parks })).toBe(false);
    expect(allows(clerk, 'request.private_fields', inStreets)).toBe(true);
  });

  it('keeps head-level permissions for the department’s heads and admins', () => {
    for (const permission of [
      'queue.override',
      'department.staff',
      'workflow.draft',
      'department.stats',
    ] as const) {
      expect(allows(clerk, permission, inStreets)).toBe(false);
      expect(allows(head, permission, inStreets)).toBe(true);
      expect(allows(head, permission, { jurisdictionId: city, departmentId: parks })).toBe(false);
      expect(allows(admin, permission, inStreets)).toBe(true);
    }
  });

  it('keeps jurisdiction administration for admins, and admins to their own jurisdiction', () => {
    expect(allows(head, 'jurisdiction.admin', { jurisdictionId: city })).toBe(false);
    expect(allows(admin, 'jurisdiction.admin', { jurisdictionId: city })).toBe(true);
    expect(allows(admin, 'queue.work', { jurisdictionId: 'shelbyville.gov', departmentId: streets })).toBe(
      false,
    );
  });

  it('gives nobody anything without a sign-in', () => {
    expect(allows(null, 'request.private_fields', inStreets)).toBe(false);
    expect(() => requirePermission(null, 'queue.work', inStreets, 'see tasks')).toThrow(
      expect.objectContaining({ code: 'UNAUTHORIZED' }),
    );
    expect(() => requirePermission(clerk, 'queue.override', inStreets, 'unclaim tasks')).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: "Only the department's head or an admin can unclaim tasks.",
      }),
    );
  });

  it('names the strongest role in a department', () => {
    expect([
      roleOf(null),
      roleOf(clerk, streets),
      roleOf(clerk, parks),
      roleOf(head, streets),
      roleOf(admin, parks),
    ]).toEqual(['anonymous', 'staff', 'anonymous', 'department_head', 'admin']);
  });
});
