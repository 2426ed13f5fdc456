/** Staff sign-in: work email and password; the server's refusal is shown as it words it. */
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, serverMessage } from '../../api/errors.js';
import { useI18n } from '../../i18n/use-i18n.js';

export function SignInForm({ onSignIn }: { onSignIn(email: string, password: string): Promise<void> }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
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
