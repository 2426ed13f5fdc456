/**
 * Builds each tRPC call's context: the shared app context, the caller's session (from the
 * `civicdesk_session` cookie or `Authorization: Bearer`), the signed-in staff member, and what the
 * CSRF check needs. REST routes that sign staff in use `staffSessionFrom` the same way.
 */
import type { AppContext } from '../app-context.js';
import { CSRF_HEADER, readSessionCredential, type SessionCredential } from '../auth/session-credential.js';
import { isCsrfTokenOf, resumeStaffSession } from '../auth/sessions.js';
import { loadSignedInStaff } from '../auth/staff-identity.js';
import type { RequestClient } from '../auth/request-client.js';
import type { CallerSession, TrpcContext } from './trpc.js';

/** What the HTTP adapter knows about the request beyond its headers. */
export interface HttpFacts {
  client?: RequestClient;
  /** Response headers the procedures may add to (Set-Cookie at sign-in and sign-out). */
  resHeaders?: Headers;
}

/** The session and staff member behind a request's credential; both null for anonymous callers. */
export async function staffSessionFrom(app: AppContext, headers: Headers) {
  const credential: SessionCredential | null = readSessionCredential(headers);
  const resumed = credential ? await resumeStaffSession(app, credential.token) : null;
  const staff = resumed ? await loadSignedInStaff(app.db, resumed.staffId) : null;
  if (!credential || !resumed || !staff) return { session: null, staff: null };
  const session: CallerSession = {
    token: credential.token,
    via: credential.via,
    csrfToken: resumed.csrfToken,
    csrfOk:
      credential.via === 'bearer' ||
      isCsrfTokenOf(app.config.SESSION_SECRET, credential.token, headers.get(CSRF_HEADER)),
  };
  return { session, staff };
}

export async function createTrpcContext(
  app: AppContext,
  headers: Headers,
  http: HttpFacts = {},
): Promise<TrpcContext> {
  const { session, staff } = await staffSessionFrom(app, headers);
  return {
    ...app,
    staff,
    session,
    client: http.client ?? { ip: null, userAgent: headers.get('user-agent'), https: false },
    setCookie: (value) => http.resHeaders?.append('set-cookie', value),
  };
}
