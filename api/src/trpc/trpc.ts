/**
 * tRPC setup: the context every procedure gets, and the public / staff procedure builders.
 * Field errors travel in `error.data.fieldErrors` so a form can put each message beside its field.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import type { FieldError } from '@civicdesk/schemas';
import type { AppContext, StaffIdentity } from '../app-context.js';

export interface TrpcContext extends AppContext {
  staff: StaffIdentity | null;
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
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;

/** Procedures for signed-in staff; department checks happen in each procedure against its subject. */
export const staffProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.staff)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in as staff to use the queue.' });
  return next({ ctx: { ...ctx, staff: ctx.staff } });
});
