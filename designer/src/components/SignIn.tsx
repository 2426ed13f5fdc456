/** Staff sign-in: `auth.login` answers a token the designer keeps for this tab. */
import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api/client.js';
import { storeToken } from '../api/session.js';

export function SignIn({ onSignedIn }: { onSignedIn(): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { token } = await api.auth.login.mutate({ email, password });
      storeToken(token);
      onSignedIn();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <main className="sign-in">
      <form onSubmit={(e) => void submit(e)}>
        <h1>Workflow designer</h1>
        <p>Sign in with your CivicDesk staff account.</p>
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="problem" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Sign in
        </button>
      </form>
    </main>
  );
}
