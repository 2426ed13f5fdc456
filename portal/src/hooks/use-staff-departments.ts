/** The signed-in clerk's name and the departments whose queues they work (from `auth.me`). */
import { api } from '../api/client.js';
import { useAsync } from './use-async.js';

export interface StaffDepartment {
  code: string;
  name: string;
}

async function loadDepartments(): Promise<{ name: string; departments: StaffDepartment[] }> {
  const me = await api.auth.me.query();
  return { name: me.name, departments: me.departments };
}

export function useStaffDepartments(signedIn: boolean) {
  return useAsync(signedIn ? loadDepartments : null, signedIn ? 'me' : '');
}
