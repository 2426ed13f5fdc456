/**
 * The tRPC client: typed by the server's `AppRouter` (a type import only). The session travels in
 * its HttpOnly cookie; every call echoes the session's CSRF token in `x-csrf-token`.
 */
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@civicdesk/api/router';
import { readCsrfToken } from './session.js';

export const api = createTRPCClient<AppRouter>({
  links: [
    httpLink({
      url: '/trpc',
      fetch: (url, options) => fetch(url, { ...options, credentials: 'same-origin' }),
      headers: () => {
        const csrf = readCsrfToken();
        return csrf ? { 'x-csrf-token': csrf } : {};
      },
    }),
  ],
});

export type Api = typeof api;

/** The message a person can act on, from any error a call may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const fieldErrors = (error.data as { fieldErrors?: { field: string; message: string }[] } | undefined)
      ?.fieldErrors;
    if (fieldErrors?.length) return fieldErrors.map((e) => e.message).join('\n');
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The tRPC error code (`CONFLICT`, `UNAUTHORIZED`, ...) of a failed call, if any. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}
