/**
 * Staff sign-in: work email and password, and "Sign in with <the city's provider>" when the server
 * has OIDC on; the server's refusal is shown as it words it, an OIDC refusal by its code.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { fieldErrorsOf, serverMessage } from '../../api/errors.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useI18n } from '../../i18n/use-i18n.js';

/** What `GET /auth/config` says about single sign-on. */
interface OidcOffer {
  enabled: boolean;
  button_label?: string;
  start_url?: string;
}

const oidcErrorCodes = [
  'unknown_staff',
  'email_unverified',
  'no_email',
  'state_mismatch',
  'provider_unavailable',
  'provider_refused',
  'invalid_response',
] as const;

/** Whether the server offers OIDC sign-in (null until it answers, or when it cannot be asked). */
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

/** The message key for the `signin_error` the OIDC callback put in the URL, taking it out of the URL. */
function takeOidcError(): MessageKey | null {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('signin_error');
  if (!code) return null;
  url.searchParams.delete('signin_error');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  const known = (oidcErrorCodes as readonly string[]).includes(code) ? code : 'provider_refused';
  return `staff.signin.oidcError.${known}` as MessageKey;
}

export function SignInForm({ onSignIn }: { onSignIn(email: string, password: string): Promise<void> }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const oidc = useOidcOffer();
  const [oidcProblem] = useState(takeOidcError);
  const startOidc = () => {
    const start = new URL(oidc?.start_url ?? '/auth/oidc/start', window.location.origin);
    start.searchParams.set('return_to', window.location.pathname);
    window.location.assign(start.href);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await onSignIn(email, password);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setProblem(
        fields.length
          ? fields.map((f) => f.message).join(' ')
          : (serverMessage(error) ?? t('common.offline')),
      );
      setBusy(false);
    }
  };
  return (
    <form className="card sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="signin-heading">
      <h2 id="signin-heading">{t('staff.signin.heading')}</h2>
      {oidcProblem && !problem && (
        <p className="notice warn" role="alert">
          {t(oidcProblem)}
        </p>
      )}
      {oidc?.enabled && (
        <div className="field">
          <button type="button" onClick={startOidc}>
            {t('staff.signin.oidc', { label: oidc.button_label ?? '' })}
          </button>
          <p>{t('staff.signin.orPassword')}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor="staff-email">{t('staff.email')}</label>
        <input
          id="staff-email"
          type="email"
          autoComplete="username"
          value={email}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'signin-error' : undefined}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="staff-password">{t('staff.password')}</label>
        <input
          id="staff-password"
          type="password"
          autoComplete="current-password"
          value={password}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'signin-error' : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <div id="signin-error" className="field-error" role="alert">
        {problem && <p>{problem}</p>}
      </div>
      <button type="submit" disabled={busy}>
        {busy ? t('staff.signingIn') : t('staff.signin')}
      </button>
    </form>
  );
}
