/** What the admin pages send about a staff member and their memberships. */
import { z } from 'zod';

export const membershipInput = z.object({
  department: z.string().min(1, 'Name the department, e.g. streets'),
  access: z.enum(['staff', 'department_head'], {
    error: 'access is staff or department_head',
  }),
  roles: z.array(z.string().min(1, 'Write each role by its code, e.g. inspector')).default([]),
});
export type MembershipInput = z.output<typeof membershipInput>;

export const createStaffInput = z.object({
  email: z.email('Write the work email as name@city.gov'),
  name: z.string().trim().min(1, 'Write the person’s name as colleagues know it, e.g. Sam Rivera'),
  isAdmin: z.boolean().default(false),
  memberships: z.array(membershipInput).default([]),
});

export const staffRef = z.object({ staffId: z.uuid('staffId is the id staff.list answered') });
export const setMembershipInput = staffRef.extend(membershipInput.shape);
export const removeMembershipInput = staffRef.extend({ department: membershipInput.shape.department });
