/**
 * tRPC setup: the context every procedure gets, and the public / staff procedure builders.
 * Field errors travel in `error.data.fieldErrors` so a form can put each message beside its field.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import type { FieldError } from '@civicdesk/schemas';
import type { AppContext } from '../app-context.js';
import type { RequestClient } from '../auth/request-client.js';
import type { SignedInStaff } from '../auth/permissions.js';
import { auditUnauditedMutation } from '../auth/audit-fallback.js';

/** The caller's live session: how it was presented and whether the CSRF header matched. */
export interface CallerSession {
  token: string;
  via: 'cookie' | 'bearer';
  csrfToken: string;
  /** Bearer sessions always; cookie sessions when `x-csrf-token` is the session's token. */
  csrfOk: boolean;
}

export interface TrpcContext extends AppContext {
  staff: SignedInStaff | null;
  session: CallerSession | null;
  /** Client IP, user agent and https, for the login rate limit and the session record. */
  client: RequestClient;
  /** Adds a Set-Cookie header to the response (a no-op for in-process callers). */
  setCookie: (value: string) => void;
}

/** A user-fixable failure carrying per-field messages. */
export class FieldErrorsError extends TRPCError {
  constructor(
    readonly fieldErrors: FieldError[],
    code: 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT' = 'BAD_REQUEST',
  ) {
    super({ code, message: fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ') });
  }
}

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error }) {
    const fieldErrors = error instanceof FieldErrorsError ? error.fieldErrors : undefined;
    return { ...shape, data: { ...shape.data, fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every mutation sent with the session cookie must carry the session's `x-csrf-token`, so another
 * site cannot make a signed-in browser act. Bearer clients are not exposed to CSRF.
 */
const csrfGuard = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && ctx.session && !ctx.session.csrfOk)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message:
        'x-csrf-token: this change needs the CSRF token of your session; reload the page and try again.',
    });
  return next();
});

/**
 * Every mutation made by a signed-in staff member leaves an audit row: procedures write their own
 * precise rows (claim, transfer, publish…); one that wrote none gets a row naming the procedure.
 */
const auditStaffMutations = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  const staff = ctx.staff;
  return type === 'mutation' && staff
    ? auditUnauditedMutation({ db: ctx.db, staff }, path, getRawInput, next)
    : next();
});

/** Procedures anyone may call (residents, apps); the CSRF check still guards cookie sessions. */
export const publicProcedure = t.procedure.use(csrfGuard).use(auditStaffMutations);

/**
 * Procedures for signed-in staff; department checks happen in each procedure against its subject
 * (see auth/permissions.ts).
 */
export const staffProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.staff) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in as staff to do this.' });
  return next({ ctx: { ...ctx, staff: ctx.staff } });
});

/** Procedures for the jurisdiction's administrators only (catalogue, staff, keys, settings, publishing). */
export const adminProcedure = staffProcedure.use(({ ctx, next }) => {
  if (!ctx.staff.isAdmin)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Only an administrator can do this. Ask your city admin.',
    });
  return next({ ctx });
});
