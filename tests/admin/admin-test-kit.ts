/** Shared by the admin and pack tests: callers by role, and what a refused call said. */
import type { AppContext } from '@civicdesk/api';
import { staffCaller } from '../support/staff.js';

export const ADMIN = { email: 'admin@springfield.gov', password: 'springfield-admin' };

/** The Springfield admin, signed in. */
export const adminCaller = (app: AppContext) => staffCaller(app, ADMIN.email, ADMIN.password);

/** What a call refused with: its tRPC code and field errors (empty when not about fields). */
export async function refusal(
  call: Promise<unknown>,
): Promise<{ code: string; fields: Record<string, string> }> {
  try {
    await call;
  } catch (error) {
    // tRPC errors carry `code`; field errors ride along as `fieldErrors` (api/src/trpc/trpc.ts).
    const refused = error as { code?: unknown; fieldErrors?: { field: string; message: string }[] };
    if (typeof refused.code !== 'string') throw error;
    const list = refused.fieldErrors ?? [];
    return { code: refused.code, fields: Object.fromEntries(list.map((e) => [e.field, e.message])) };
  }
  throw new Error('The call was expected to be refused, but it succeeded');
}
