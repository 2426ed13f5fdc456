/** The admin pages under /admin/<section>; pure so the router can use it. */
export const adminSections = [
  'departments',
  'staff',
  'roles',
  'services',
  'bindings',
  'api-keys',
  'jurisdiction',
  'audit',
  'packs',
] as const;
export type AdminSection = (typeof adminSections)[number];

/** Sections a department head may use; the rest are for administrators. */
export const headSections: readonly AdminSection[] = ['staff', 'roles'];

/** The section a path segment names (`/admin` alone is departments), or null for an unknown one. */
export function adminSectionOf(segment: string | undefined): AdminSection | null {
  if (segment === undefined) return 'departments';
  return (adminSections as readonly string[]).includes(segment) ? (segment as AdminSection) : null;
}
