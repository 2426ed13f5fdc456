/** Open311 API keys: create one (shown once, copy it now), see them by prefix, revoke one at once. */
import { AdminTable } from '../../components/admin/AdminTable.js';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { ActionErrors } from '../../components/admin/ActionErrors.js';
import { TextField } from '../../components/report/TextField.js';
import { useAdminAction } from '../../hooks/use-admin-action.js';
import { useAsync } from '../../hooks/use-async.js';
import { useI18n } from '../../i18n/use-i18n.js';

export function ApiKeysSection() {
  const { t, formatDate } = useI18n();
  const list = useAsync(() => api.admin.apiKeys.list.query(), 'api-keys');
  const create = useAdminAction();
  const revoke = useAdminAction();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const when = (iso: string | null) => (iso ? formatDate(iso) : '—');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run(() => api.admin.apiKeys.create.mutate({ name }));
    if (!result) return;
    setCreated({ name: result.name, key: result.key });
    setName('');
    list.reload();
  };
  const revokeKey = async (id: string) => {
    if (await revoke.run(() => api.admin.apiKeys.revoke.mutate({ id }))) list.reload();
  };

  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('admin.section.api-keys')}</h2>
      <p className="lead">{t('admin.keys.lead')}</p>
      <div aria-live="polite">
        {created && (
          <div className="notice ok">
            <p>{t('admin.keys.created', { name: created.name })}</p>
            <p className="secret">{created.key}</p>
            <p>{t('admin.keys.once')}</p>
          </div>
        )}
      </div>
      <ActionErrors action={revoke} />
      {list.data && (
        <AdminTable label={t('admin.section.api-keys')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.keys.prefix')}</th>
              <th scope="col">{t('admin.keys.createdAt')}</th>
              <th scope="col">{t('admin.keys.lastUsed')}</th>
              <th scope="col">{t('admin.staff.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{when(k.createdAt)}</td>
                <td>{when(k.lastUsedAt)}</td>
                <td>
                  {k.revokedAt ? (
                    t('admin.keys.revokedAt', { when: when(k.revokedAt) })
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      disabled={revoke.busy}
                      onClick={() => void revokeKey(k.id)}
                    >
                      {t('admin.keys.revoke')}
                      <span className="visually-hidden"> {k.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </AdminTable>
      )}
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="key-form-heading">
        <h3 id="key-form-heading">{t('admin.keys.new')}</h3>
        <TextField
          field="key.name"
          label={t('admin.keys.name')}
          hint={t('admin.keys.nameHint')}
          value={name}
          onChange={setName}
          messages={create.messagesFor('name')}
          required
        />
        <ActionErrors action={create} placed={['name']} />
        <button type="submit" disabled={create.busy}>
          {t('admin.keys.create')}
        </button>
      </form>
    </section>
  );
}
