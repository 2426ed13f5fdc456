/** The portal's pages by path; pure so it can be tested without a browser. */
import { adminSectionOf, type AdminSection } from '../pages/admin/admin-sections.js';

export type Route =
  | { page: 'report' }
  | { page: 'track'; id: string; token: string | null }
  | { page: 'staff' }
  | { page: 'dashboard' }
  | { page: 'transparency' }
  | { page: 'admin'; section: AdminSection }
  | { page: 'not-found' };

/** Maps a location (path and query string) to a page. */
export function matchRoute(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/report') return { page: 'report' };
  if (path === '/staff') return { page: 'staff' };
  if (path === '/dashboard') return { page: 'dashboard' };
  if (path === '/transparency') return { page: 'transparency' };
  const admin = /^\/admin(?:\/([a-z-]+))?$/.exec(path);
  const section = admin ? adminSectionOf(admin[1]) : null;
  if (section) return { page: 'admin', section };
  const track = /^\/track\/(\d{1,18})$/.exec(path);
  if (track) return { page: 'track', id: track[1]!, token: new URLSearchParams(search).get('token') };
  return { page: 'not-found' };
}
