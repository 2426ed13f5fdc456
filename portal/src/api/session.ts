/** The staff session token, kept for this browser tab only (sessionStorage). */
const KEY = 'civicdesk.portal.staff-token';

/** The signed-in clerk's token, or null. */
export function readStaffToken(): string | null {
  return sessionStorage.getItem(KEY);
}

/** Stores (or with null forgets) the clerk's token. */
export function storeStaffToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}
