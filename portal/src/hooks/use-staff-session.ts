/** The clerk's session: sign in with auth.login (token kept in sessionStorage), sign out, and who it is. */
import { useCallback, useState } from 'react';
import { api } from '../api/client.js';
import { readStaffToken, storeStaffToken } from '../api/session.js';

export function useStaffSession() {
  const [signedIn, setSignedIn] = useState(() => readStaffToken() !== null);
  const signIn = useCallback(async (email: string, password: string) => {
    const { token } = await api.auth.login.mutate({ email, password });
    storeStaffToken(token);
    setSignedIn(true);
  }, []);
  const signOut = useCallback(() => {
    storeStaffToken(null);
    setSignedIn(false);
  }, []);
  return { signedIn, signIn, signOut };
}
