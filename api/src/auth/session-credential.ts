/**
 * Where a request carries its session id: `Authorization: Bearer <id>` (API clients, never
 * exposed to CSRF) or the `civicdesk_session` cookie (browsers; mutations need `x-csrf-token`).
 */
import { readCookie, SESSION_COOKIE } from './session-cookies.js';

export const CSRF_HEADER = 'x-csrf-token';

export interface SessionCredential {
  token: string;
  via: 'cookie' | 'bearer';
}

/** The session id a request presents, Bearer first; null when it has none. */
export function readSessionCredential(headers: Headers): SessionCredential | null {
  const auth = headers.get('authorization');
  if (auth?.startsWith('Bearer ')) {
    const token = auth.slice(7).trim();
    return token ? { token, via: 'bearer' } : null;
  }
  const token = readCookie(headers.get('cookie'), SESSION_COOKIE);
  return token ? { token, via: 'cookie' } : null;
}
