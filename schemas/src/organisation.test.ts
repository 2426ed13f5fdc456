import { describe, expect, it } from 'vitest';
import { department, jurisdiction, staffMember } from './organisation.js';

describe('organisation', () => {
  it('accepts a jurisdiction with a domain id and an IANA time zone', () => {
    expect(
      jurisdiction.parse({ id: 'springfield.gov', name: 'City of Springfield', timezone: 'America/Chicago' })
        .id,
    ).toBe('springfield.gov');
  });

  it('rejects ids that are not domain names and zones that are not IANA names', () => {
    const result = jurisdiction.safeParse({ id: 'Springfield', name: 'Springfield', timezone: 'CST' });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Use a domain name such as springfield.gov',
      '"CST" is not an IANA time zone; use a name such as America/Chicago',
    ]);
  });

  it('gives departments roles and refuses the same role twice', () => {
    const streets = { code: 'streets', name: 'Streets', roles: [{ code: 'inspector', name: 'Inspector' }] };
    expect(department.parse(streets).roles).toHaveLength(1);
    const twice = department.safeParse({ ...streets, roles: [...streets.roles, ...streets.roles] });
    expect(twice.error?.issues[0]?.message).toBe(
      "Role 'inspector' is listed twice in department 'streets'; keep one",
    );
  });

  it('defaults staff to plain staff access with no memberships', () => {
    expect(staffMember.parse({ email: 'sam@springfield.gov', name: 'Sam' })).toEqual({
      email: 'sam@springfield.gov',
      name: 'Sam',
      access: 'staff',
      departments: [],
    });
    expect(
      staffMember.parse({
        email: 'kim@springfield.gov',
        name: 'Kim',
        access: 'department_head',
        departments: [{ department: 'streets', roles: ['supervisor'] }],
      }).departments,
    ).toEqual([{ department: 'streets', roles: ['supervisor'] }]);
  });
});
