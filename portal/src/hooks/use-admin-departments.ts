/** The departments the person may manage, fresh from the server (with their roles). */
import { api } from '../api/client.js';
import { useAsync } from './use-async.js';

export function useAdminDepartments(isAdmin: boolean, managed: readonly { code: string }[]) {
  const all = useAsync(() => api.admin.departments.list.query(), 'admin-departments');
  const codes = new Set(managed.map((d) => d.code));
  const departments = (all.data ?? []).filter((d) => isAdmin || codes.has(d.code));
  return { departments, loaded: all.data !== undefined, reload: all.reload };
}
