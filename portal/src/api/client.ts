/** The tRPC client: typed by the server's `AppRouter` (a type import only), sending the staff token when signed in. */
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '@civicdesk/api/router';
import { readStaffToken } from './session.js';

export const api = createTRPCClient<AppRouter>({
  links: [
    httpLink({
      url: '/trpc',
      headers: () => {
        const token = readStaffToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    }),
  ],
});
