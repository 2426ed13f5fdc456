/**
 * Staff sign-in for REST routes (CSV exports, pack uploads…), with the same rules as tRPC: the
 * session cookie or `Authorization: Bearer`, and for a cookie session every state-changing method
 * (anything but GET, HEAD, OPTIONS) must carry the session's `x-csrf-token`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppContext } from '../app-context.js';
import { staffSessionFrom } from '../trpc/context.js';
import type { SignedInStaff } from './permissions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type StaffRouteEnv = { Variables: { staff: SignedInStaff } };

/** Answers 401 without a live session, 403 for a cookie session missing its CSRF token; else sets `staff`. */
export function requireStaffSession(app: AppContext): MiddlewareHandler<StaffRouteEnv> {
  return async (c: Context<StaffRouteEnv>, next) => {
    const { session, staff } = await staffSessionFrom(app, c.req.raw.headers);
    if (!session || !staff) return c.json({ error: 'Sign in as staff to do this.' }, 401);
    if (!SAFE_METHODS.has(c.req.method) && !session.csrfOk)
      return c.json(
        {
          error:
            'x-csrf-token: this change needs the CSRF token of your session; reload the page and try again.',
        },
        403,
      );
    c.set('staff', staff);
    await next();
  };
}
