/**
 * The tRPC client: typed by the server's `AppRouter` (a type import only). The session travels in
 * its HttpOnly cookie; every call echoes the session's CSRF token in `x-csrf-token`.
 */
import { createTRPCClient, httpLink } from '@trpc/client';
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
