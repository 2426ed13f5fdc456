/**
 * The clerk's session in the browser. The server keeps it in an HttpOnly cookie no script can read;
 * the page reads only the CSRF cookie (`civicdesk_csrf`, set beside it at sign-in) to send it back
 * as `x-csrf-token` on every change. Nothing is kept in localStorage or sessionStorage.
 */
const CSRF_COOKIE = 'civicdesk_csrf';

/** The session's CSRF token, or null when not signed in. */
export function readCsrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('=')) || null;
  }
  return null;
}

/** Non-null while signed in (the CSRF cookie lives exactly as long as the session cookie). */
export function readStaffToken(): string | null {
  return readCsrfToken();
}

/**
 * Sign-in already set the cookies, so a token needs no storing; `null` signs out: the server
 * revokes the session and clears both cookies.
 */
export function storeStaffToken(token: string | null): void {
  if (token === null) void signOutOnServer();
}

async function signOutOnServer(): Promise<void> {
  const csrf = readCsrfToken();
  if (!csrf) return;
  // Forget locally at once so the page shows signed-out even if the network call fails.
  document.cookie = `${CSRF_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  await fetch('/trpc/auth.logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: '{}',
  }).catch(() => undefined);
}
