/** Which workflow handles each service: choose one per service (only published workflows can be chosen). */
import { AdminTable } from '../../components/admin/AdminTable.js';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { ActionErrors } from '../../components/admin/ActionErrors.js';
import { useAdminAction } from '../../hooks/use-admin-action.js';
import { useAsync } from '../../hooks/use-async.js';
import { useI18n } from '../../i18n/use-i18n.js';

export function BindingsSection() {
  const { t } = useI18n();
  const list = useAsync(() => api.admin.bindings.list.query(), 'bindings');
  const action = useAdminAction();
  const [notice, setNotice] = useState('');

  const bind = async (service_code: string, workflow: string) => {
    const done = await action.run<unknown>(() =>
      workflow
        ? api.admin.bindings.bind.mutate({ service_code, workflow })
        : api.admin.bindings.unbind.mutate({ service_code }),
    );
    if (!done) return;
    setNotice(
      workflow
        ? t('admin.bindings.bound', { service: service_code, workflow })
        : t('admin.bindings.unbound', { service: service_code }),
    );
    list.reload();
  };

  return (
    <section aria-labelledby="bindings-heading">
      <h2 id="bindings-heading">{t('admin.section.bindings')}</h2>
      <p className="lead">{t('admin.bindings.lead')}</p>
      <div aria-live="polite">{notice && <p className="notice ok">{notice}</p>}</div>
      <ActionErrors action={action} />
      {list.data && (
        <AdminTable label={t('admin.section.bindings')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.bindings.service')}</th>
              <th scope="col">{t('admin.services.workflow')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.services.map((s) => (
              <tr key={s.service_code}>
                <td>
                  <label htmlFor={`binding-${s.service_code}`}>{s.service_name}</label>{' '}
                  <code className="muted">{s.service_code}</code>
                </td>
                <td>
                  <select
                    id={`binding-${s.service_code}`}
                    value={s.workflow ?? ''}
                    disabled={action.busy}
                    onChange={(e) => void bind(s.service_code, e.target.value)}
                  >
                    <option value="">{t('admin.bindings.none')}</option>
                    {list.data!.workflows.map((w) => (
                      <option key={w.slug} value={w.slug} disabled={w.latestVersion === null}>
                        {w.title} (
                        {w.latestVersion === null ? t('admin.bindings.unpublished') : `v${w.latestVersion}`})
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </AdminTable>
      )}
    </section>
  );
}
