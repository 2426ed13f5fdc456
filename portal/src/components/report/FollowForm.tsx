/** The small form under one duplicate: an email address and a button to follow that request. */
import { useState } from 'react';
import { useFollowRequest } from '../../hooks/use-follow-request.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { Link } from '../../router/Link.js';

export function FollowForm({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const { state, follow } = useFollowRequest(requestId);
  const id = `follow-${requestId}`;
  if (state.kind === 'followed')
    return (
      <p role="status" className="notice ok">
        {t('dup.followed', { id: requestId })}{' '}
        <Link href={`/track/${requestId}`}>{t('dup.track', { id: requestId })}</Link>
      </p>
    );
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('dup.follow')}
      </button>
    );
  const messages =
    state.kind === 'failed'
      ? [
          ...state.errors.map((e) => e.message),
          ...(state.errors.length ? [] : [state.message ?? t('common.offline')]),
        ]
      : [];
  const submit = () => void follow(email);
  // A group, not a form: it sits inside the report form and forms cannot nest.
  return (
    <div className="follow" role="group" aria-label={t('dup.confirm', { id: requestId })}>
      <label htmlFor={id}>{t('dup.email.label', { id: requestId })}</label>
      <input
        id={id}
        type="email"
        autoComplete="email"
        value={email}
        autoFocus
        onChange={(e) => setEmail(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          }
        }}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={messages.length ? `${id}-error` : undefined}
      />
      {messages.length > 0 && (
        <div id={`${id}-error`} className="field-error" role="alert">
          {messages.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={submit} disabled={state.kind === 'sending'}>
          {t('dup.confirm', { id: requestId })}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('dup.cancel')}
        </button>
      </div>
    </div>
  );
}
