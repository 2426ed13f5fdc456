/** The Open311 catalogue: every service with its department and workflow; edit one or add one; hide or show. */
import { AdminTable } from '../../components/admin/AdminTable.js';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { ActionErrors } from '../../components/admin/ActionErrors.js';
import { ServiceEditor, type ServiceDraft } from '../../components/admin/ServiceEditor.js';
import { toAttributeDraft } from '../../components/admin/attribute-draft.js';
import { useAdminAction } from '../../hooks/use-admin-action.js';
import { useAsync } from '../../hooks/use-async.js';
import { useI18n } from '../../i18n/use-i18n.js';

type Service = NonNullable<Awaited<ReturnType<typeof api.admin.services.list.query>>>[number];

const blank: ServiceDraft = {
  service_code: '',
  service_name: '',
  description: '',
  group: '',
  keywords: '',
  department: '',
  expected_sla: '',
  service_notice: '',
  attributes: [],
};

function toDraft(s: Service): ServiceDraft {
  return {
    service_code: s.service_code,
    service_name: s.service_name,
    description: s.description,
    group: s.group,
    keywords: s.keywords.join(', '),
    department: s.department,
    expected_sla: s.expected_sla ?? '',
    service_notice: s.service_notice ?? '',
    attributes: s.attributes.map(toAttributeDraft),
  };
}

export function ServicesSection() {
  const { t } = useI18n();
  const list = useAsync(() => api.admin.services.list.query(), 'services');
  const departments = useAsync(() => api.admin.departments.list.query(), 'service-departments');
  const toggle = useAdminAction();
  const [editing, setEditing] = useState<{ key: string; draft: ServiceDraft; isNew: boolean }>({
    key: 'new',
    draft: blank,
    isNew: true,
  });
  const [notice, setNotice] = useState('');

  const setActive = async (code: string, active: boolean) => {
    if (await toggle.run(() => api.admin.services.setActive.mutate({ service_code: code, active })))
      list.reload();
  };

  return (
    <section aria-labelledby="services-heading">
      <h2 id="services-heading">{t('admin.section.services')}</h2>
      <p className="lead">{t('admin.services.lead')}</p>
      <div aria-live="polite">{notice && <p className="notice ok">{notice}</p>}</div>
      <ActionErrors action={toggle} />
      {list.data && (
        <AdminTable label={t('admin.section.services')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.field.code')}</th>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.field.department')}</th>
              <th scope="col">{t('admin.services.attributes')}</th>
              <th scope="col">{t('admin.services.workflow')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.service_code}>
                <td>
                  <code>{s.service_code}</code>
                </td>
                <td>
                  {s.service_name}
                  {!s.active && <span className="muted"> ({t('admin.services.hidden')})</span>}
                </td>
                <td>{s.department}</td>
                <td>{s.attributes.length}</td>
                <td>{s.workflow ?? '—'}</td>
                <td>
                  <div className="admin-row">
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        setEditing({
                          key: `${s.service_code}:${s.updatedAt}`,
                          draft: toDraft(s),
                          isNew: false,
                        })
                      }
                    >
                      {t('admin.services.editButton')}
                      <span className="visually-hidden"> {s.service_name}</span>
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      disabled={toggle.busy}
                      onClick={() => void setActive(s.service_code, !s.active)}
                    >
                      {s.active ? t('admin.services.hide') : t('admin.services.show')}
                      <span className="visually-hidden"> {s.service_name}</span>
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </AdminTable>
      )}
      {!editing.isNew && (
        <button
          type="button"
          className="secondary"
          onClick={() => setEditing({ key: `new-${Date.now()}`, draft: blank, isNew: true })}
        >
          {t('admin.services.new')}
        </button>
      )}
      <ServiceEditor
        key={editing.key}
        initial={editing.draft}
        isNew={editing.isNew}
        departments={departments.data ?? []}
        onSaved={(name) => {
          setNotice(t('admin.services.saved', { name }));
          setEditing({ key: `new-${Date.now()}`, draft: blank, isNew: true });
          list.reload();
        }}
      />
    </section>
  );
}
