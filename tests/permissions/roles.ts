/**
 * The six callers of the permission matrix and the outcomes a call may have. A resident is an
 * anonymous caller who holds the tracking token of the fixture request (inputs hand it to them).
 */
export const ROLES = ['anonymous', 'resident', 'otherStaff', 'staff', 'head', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * `ok`: the call succeeded. `passes`: it got past every permission check (success, or a refusal
 * about the state or the input such as CONFLICT or BAD_REQUEST; used where earlier rows change the
 * state). Otherwise the tRPC error code the role must get.
 */
export type Outcome = 'ok' | 'passes' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';
export type Expectation = Record<Role, Outcome>;

/** What one call did: `ok` or the error code, with the answer or the message. */
export interface Observed {
  code: string;
  value?: unknown;
  message?: string;
}

/** Runs a call and records its outcome instead of throwing. */
export async function observe(call: () => Promise<unknown>): Promise<Observed> {
  try {
    return { code: 'ok', value: await call() };
  } catch (error) {
    // A TRPCError (createCaller rethrows it) carries its code; anything else is a bug, not a refusal.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return { code, message: (error as Error).message };
    throw error;
  }
}

/** Whether an observed outcome is the one expected. */
export function matches(expected: Outcome, observed: Observed): boolean {
  if (expected === 'passes')
    return !['UNAUTHORIZED', 'FORBIDDEN', 'INTERNAL_SERVER_ERROR'].includes(observed.code);
  return observed.code === expected;
}

const row = (
  anonymous: Outcome,
  otherStaff: Outcome,
  staff: Outcome,
  head: Outcome,
  admin: Outcome,
  resident = anonymous,
): Expectation => ({
  anonymous,
  resident,
  otherStaff,
  staff,
  head,
  admin,
});

/** Anyone, signed in or not. */
export const everyone = (outcome: Outcome = 'ok') => row(outcome, outcome, outcome, outcome, outcome);
/** Any signed-in staff member of the jurisdiction. */
export const anyStaff = (outcome: Outcome = 'ok') => row('UNAUTHORIZED', outcome, outcome, outcome, outcome);
/** Staff of the subject's department (Streets), its head, and admins. */
export const department = (outcome: Outcome = 'ok') =>
  row('UNAUTHORIZED', 'FORBIDDEN', outcome, outcome, outcome);
/** The head of the subject's department (Streets), and admins. */
export const departmentHead = (outcome: Outcome = 'ok') =>
  row('UNAUTHORIZED', 'FORBIDDEN', 'FORBIDDEN', outcome, outcome);
/** Administrators only. */
export const adminOnly = (outcome: Outcome = 'ok') =>
  row('UNAUTHORIZED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', outcome);
/** Only the holder of the request's tracking token (others cannot tell the request from a missing one). */
export const tokenHolder = (outcome: Outcome = 'ok') =>
  row('NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', outcome);
