/**
 * A minimal tRPC client over HTTP, speaking the wire format the portal's httpLink speaks (no
 * transformer): queries as GET `/trpc/<path>?input=<json>`, mutations as POST with a JSON body.
 */
export class TrpcCallError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
  ) {
    super(`${path}: ${code} ${message}`);
  }
}

/** A signed-in (or anonymous) caller of one API process. */
export interface TrpcHttp {
  query<T>(path: string, input: unknown): Promise<T>;
  mutate<T>(path: string, input: unknown): Promise<T>;
}

/** A caller of `baseUrl` sending `token` as a Bearer session, when given. */
export function trpcHttp(baseUrl: string, token?: string): TrpcHttp {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const call = async <T>(path: string, response: Response): Promise<T> => {
    const body = (await response.json().catch(() => null)) as {
      result?: { data?: T };
      error?: { message?: string; data?: { code?: string } };
    } | null;
    if (!response.ok || !body?.result)
      throw new TrpcCallError(
        path,
        body?.error?.data?.code ?? `HTTP_${response.status}`,
        body?.error?.message ?? '(no body)',
      );
    return body.result.data as T;
  };
  return {
    async query(path, input) {
      const url = `${baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
      return call(path, await fetch(url, { headers }));
    },
    async mutate(path, input) {
      const init = { method: 'POST', headers, body: JSON.stringify(input) };
      return call(path, await fetch(`${baseUrl}/trpc/${path}`, init));
    },
  };
}

/** Signs in through `auth.login` and answers a caller carrying the session token. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<TrpcHttp> {
  const { token } = await trpcHttp(baseUrl).mutate<{ token: string }>('auth.login', { email, password });
  return trpcHttp(baseUrl, token);
}
