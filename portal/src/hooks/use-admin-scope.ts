/** What the signed-in person may administer: everything (admin) or some departments (head). */
import { api } from '../api/client.js';
import { useAsync } from './use-async.js';

export function useAdminScope(signedIn: boolean) {
  return useAsync(signedIn ? () => api.admin.scope.query() : null, signedIn ? 'admin-scope' : '');
}
