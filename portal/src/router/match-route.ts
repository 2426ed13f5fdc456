/** The portal's pages by path; pure so it can be tested without a browser. */
export type Route =
  | { page: 'report' }
  | { page: 'track'; id: string; token: string | null }
  | { page: 'staff' }
  | { page: 'not-found' };

/** Maps a location (path and query string) to a page. */
export function matchRoute(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/report') return { page: 'report' };
  if (path === '/staff') return { page: 'staff' };
  const track = /^\/track\/(\d{1,18})$/.exec(path);
  if (track) return { page: 'track', id: track[1]!, token: new URLSearchParams(search).get('token') };
  return { page: 'not-found' };
}
