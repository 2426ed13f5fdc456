/** Whether the signed-in staff member may publish (admins only). */
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';

export function useIsAdmin(): boolean {
  const [admin, setAdmin] = useState(false);
  useEffect(() => {
    // A stale session reads as "not an admin"; the save button reports the sign-in problem.
    api.auth.me.query().then(
      (me) => setAdmin(me.isAdmin),
      () => setAdmin(false),
    );
  }, []);
  return admin;
}
