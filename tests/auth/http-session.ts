/** Signs in over HTTP the way a browser does and reads back the cookies and CSRF token it was given. */
import { expect } from 'vitest';

export interface BrowserSession {
  /** `civicdesk_session=…` for the Cookie header. */
  cookie: string;
  csrfToken: string;
  token: string;
  setCookies: string[];
}

/** POSTs a tRPC mutation (the httpLink wire format) and answers the HTTP response. */
export function trpcPost(
  baseUrl: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${baseUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

/** GETs a tRPC query (the httpLink wire format). */
export function trpcGet(baseUrl: string, path: string, input: unknown, headers: Record<string, string> = {}) {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return fetch(`${baseUrl}/trpc/${path}${query}`, { headers });
}

/** The tRPC error code of a failed response (`FORBIDDEN`, …), or 'OK'. */
export async function trpcCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: { data?: { code?: string } } };
  return body.error?.data?.code ?? 'OK';
}

/** Signs in with `auth.login` and answers the session as a browser would hold it. */
export async function browserSignIn(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<BrowserSession> {
  const response = await trpcPost(baseUrl, 'auth.login', { email, password }, headers);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { result: { data: { token: string; csrfToken: string } } };
  const setCookies = response.headers.getSetCookie();
  const session = setCookies.find((c) => c.startsWith('civicdesk_session='));
  expect(session).toBeDefined();
  return {
    cookie: session!.split(';')[0]!,
    csrfToken: body.result.data.csrfToken,
    token: body.result.data.token,
    setCookies,
  };
}
