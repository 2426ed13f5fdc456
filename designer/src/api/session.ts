/** The staff session token, kept for this browser tab only (sessionStorage), never in a cookie we set. */
const KEY = 'civicdesk.designer.token';

export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}
