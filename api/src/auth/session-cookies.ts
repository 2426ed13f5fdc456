/**
 * The two cookies of a staff session: `civicdesk_session` (HttpOnly, the credential) and
 * `civicdesk_csrf` (readable by the page, so the web apps can echo it in `x-csrf-token`).
 * Both are SameSite=Lax, Path=/, and Secure when the site is served over https.
 */

export const SESSION_COOKIE = 'civicdesk_session';
export const CSRF_COOKIE = 'civicdesk_csrf';

function cookie(
  name: string,
  value: string,
  maxAgeSeconds: number,
  opts: { httpOnly: boolean; secure: boolean },
) {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'SameSite=Lax',
    ...(opts.httpOnly ? ['HttpOnly'] : []),
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

/** Set-Cookie values that carry a new session and its CSRF token until `maxAgeSeconds`. */
export function sessionCookies(
  token: string,
  csrfToken: string,
  maxAgeSeconds: number,
  secure: boolean,
): string[] {
  return [
    cookie(SESSION_COOKIE, token, maxAgeSeconds, { httpOnly: true, secure }),
    cookie(CSRF_COOKIE, csrfToken, maxAgeSeconds, { httpOnly: false, secure }),
  ];
}

/** Set-Cookie values that make the browser forget the session (sign-out). */
export function clearedSessionCookies(secure: boolean): string[] {
  return [
    cookie(SESSION_COOKIE, '', 0, { httpOnly: true, secure }),
    cookie(CSRF_COOKIE, '', 0, { httpOnly: false, secure }),
  ];
}

/** One cookie's value from a `Cookie` request header, or null. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim()) || null;
    } catch {
      return null;
    }
  }
  return null;
}
