/**
 * Staff sign-in: `auth.login` answers a token the designer keeps for this tab; when the server has
 * OIDC on, "Sign in with <the city's provider>" goes through `/auth/oidc/start` instead.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api/client.js';
import { storeToken } from '../api/session.js';

/** What `GET /auth/config` says about single sign-on. */
interface OidcOffer {
  enabled: boolean;
  button_label?: string;
  start_url?: string;
}

/** The OIDC callback's refusal codes (`?signin_error=`), worded for the person signing in. */
const oidcErrors: Record<string, string> = {
  unknown_staff:
    'No active staff account uses the email your city account gave. Ask your CivicDesk administrator to add you, then try again.',
  email_unverified:
    "Your city account's email address is not verified. Verify it with your city's sign-in service, then try again.",
  no_email: 'Your city account did not share an email address. Ask IT to release your email to CivicDesk.',
  state_mismatch: 'That sign-in attempt expired or did not start in this browser. Please start again.',
  provider_unavailable:
    "The city's sign-in service could not be reached. Try again in a few minutes, or sign in with your password.",
  provider_refused: "The city's sign-in service did not sign you in. Please try again.",
  invalid_response:
    "The answer from the city's sign-in service could not be verified. Try again, and tell IT if it keeps happening.",
};

/** The OIDC refusal in the URL, worded, taking it out of the URL so a reload does not repeat it. */
function takeOidcError(): string | null {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('signin_error');
  if (!code) return null;
  url.searchParams.delete('signin_error');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  return oidcErrors[code] ?? oidcErrors.provider_refused!;
}

/** Whether the server offers OIDC sign-in (null until it answers). */
function useOidcOffer(): OidcOffer | null {
  const [offer, setOffer] = useState<OidcOffer | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/auth/config')
      .then((r) => (r.ok ? (r.json() as Promise<{ oidc: OidcOffer }>) : null))
      .then((body) => live && body && setOffer(body.oidc))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return offer;
}

/** The start URL, returning to this page (the designer) afterwards. */
function oidcStartHref(offer: OidcOffer): string {
  const start = new URL(offer.start_url ?? '/auth/oidc/start', window.location.origin);
  start.searchParams.set('return_to', window.location.pathname);
  return start.pathname + start.search;
}

export function SignIn({ onSignedIn }: { onSignedIn(): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(takeOidcError);
  const oidc = useOidcOffer();
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
        {oidc?.enabled && (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => window.location.assign(oidcStartHref(oidc))}
            >
              Sign in with {oidc.button_label}
            </button>
            <p>Or use your email and password:</p>
          </>
        )}
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
