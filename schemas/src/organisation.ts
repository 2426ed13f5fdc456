/**
 * Who works where: the jurisdiction (one deployment may serve several), its departments, the roles
 * inside a department, and staff with their memberships. Task routing and access checks read these.
 */
import { z } from 'zod';

const slug = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,63}$/,
    'Use a lowercase slug: letters, digits and "-", starting with a letter, e.g. streets',
  );

/** True when the runtime knows the IANA zone name, e.g. America/Chicago. */
export function isIanaTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write a time of day as HH:MM, e.g. 08:30');

/**
 * When the city works, for SLAs in business time (`sla: { business_days: 3 }`): the time zone,
 * working days, opening hours and holidays (ISO dates). The engine counts only working time.
 */
export const businessCalendar = z.object({
  timezone: z.string().refine(isIanaTimeZone, {
    error: (issue) => `"${String(issue.input)}" is not an IANA time zone; use a name such as America/Chicago`,
  }),
  working_days: z
    .array(weekday)
    .min(1, 'List at least one working day, e.g. [mon, tue, wed, thu, fri]')
    .default(['mon', 'tue', 'wed', 'thu', 'fri']),
  hours: z
    .object({ start: clockTime, end: clockTime })
    .refine((hours) => hours.start < hours.end, {
      error: 'Opening hours must end after they start, e.g. 08:00 to 17:00',
    })
    .default({ start: '09:00', end: '17:00' }),
  holidays: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Write a holiday as an ISO date, e.g. 2026-12-25'))
    .default([]),
});
export type BusinessCalendar = z.infer<typeof businessCalendar>;

/** The place a deployment serves; `id` is the Open311 `jurisdiction_id`. */
export const jurisdiction = z.object({
  id: z
    .string()
    .regex(
      /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
      'Use a domain name such as springfield.gov',
    ),
  name: z.string().min(1, 'Give the jurisdiction its public name, e.g. City of Springfield'),
  timezone: z.string().refine(isIanaTimeZone, {
    error: (issue) => `"${String(issue.input)}" is not an IANA time zone; use a name such as America/Chicago`,
  }),
  /** Working time for business-time SLAs; without it, business time counts Mon–Fri 09:00–17:00 in `timezone`. */
  calendar: businessCalendar.optional(),
});
export type Jurisdiction = z.infer<typeof jurisdiction>;

/** The calendar business-time SLAs count in: the jurisdiction's own, or Mon–Fri 09:00–17:00 in its time zone. */
export function businessCalendarOf(place: Pick<Jurisdiction, 'timezone' | 'calendar'>): BusinessCalendar {
  return (
    place.calendar ?? {
      timezone: place.timezone,
      working_days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      hours: { start: '09:00', end: '17:00' },
      holidays: [],
    }
  );
}

/** A role inside a department, such as inspector or supervisor; tasks are assigned to roles. */
export const departmentRole = z.object({ code: slug, name: z.string().min(1) });
export type DepartmentRole = z.infer<typeof departmentRole>;

export const department = z
  .object({
    code: slug,
    name: z.string().min(1, 'Give the department its public name, e.g. Streets and Sanitation'),
    email: z.email().optional(),
    roles: z.array(departmentRole).default([]),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.roles.forEach((role, index) => {
      if (seen.has(role.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['roles', index, 'code'],
          message: `Role '${role.code}' is listed twice in department '${value.code}'; keep one`,
        });
      }
      seen.add(role.code);
    });
  });
export type Department = z.infer<typeof department>;

/** admin: everything; department_head: their departments' workflows and staff; staff: their queues. */
export const staffAccess = z.enum(['admin', 'department_head', 'staff']);
export type StaffAccess = z.infer<typeof staffAccess>;

export const departmentMembership = z.object({ department: slug, roles: z.array(slug).default([]) });
export type DepartmentMembership = z.infer<typeof departmentMembership>;

export const staffMember = z.object({
  email: z.email(),
  name: z.string().min(1),
  access: staffAccess.default('staff'),
  departments: z.array(departmentMembership).default([]),
});
export type StaffMember = z.infer<typeof staffMember>;
