/** Builds each tRPC call's context: the shared app context plus the signed-in staff member, if any. */
import type { AppContext, StaffIdentity } from '../app-context.js';
import { readSessionToken } from '../auth/session-token.js';
import type { TrpcContext } from './trpc.js';

/** Reads `Authorization: Bearer <token>` or the `civicdesk_session` cookie. */
export function sessionTokenFrom(headers: Headers): string | null {
  const auth = headers.get('authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookie = headers.get('cookie') ?? '';
  const match = /(?:^|;\s*)civicdesk_session=([^;]+)/.exec(cookie);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** Loads the staff identity behind a session token; null for anonymous callers or stale tokens. */
export async function staffFromToken(app: AppContext, token: string | null): Promise<StaffIdentity | null> {
  if (!token) return null;
  const claims = readSessionToken(token, app.config.SESSION_SECRET, app.now().getTime());
  if (!claims) return null;
  const staff = await app.db.staffMember.findUnique({
    where: { id: claims.staffId },
    include: { memberships: true },
  });
  if (!staff?.active) return null;
  return {
    id: staff.id,
    jurisdictionId: staff.jurisdictionId,
    name: staff.name,
    isAdmin: staff.isAdmin,
    departmentIds: staff.memberships.map((m) => m.departmentId),
  };
}

export async function createTrpcContext(app: AppContext, headers: Headers): Promise<TrpcContext> {
  return { ...app, staff: await staffFromToken(app, sessionTokenFrom(headers)) };
}
