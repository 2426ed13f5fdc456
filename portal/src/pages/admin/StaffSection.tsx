/** Staff: who works here and where; invite a person (temporary password shown once); deactivate or reactivate. */
import { AdminTable } from '../../components/admin/AdminTable.js';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { ActionErrors } from '../../components/admin/ActionErrors.js';
import { StaffInviteForm } from '../../components/admin/StaffInviteForm.js';
import { useAdminAction } from '../../hooks/use-admin-action.js';
import { useAsync } from '../../hooks/use-async.js';
import { useI18n } from '../../i18n/use-i18n.js';
import type { SectionProps } from './AdminSectionView.js';

export function StaffSection({ isAdmin, departments }: SectionProps) {
  const { t } = useI18n();
  const list = useAsync(() => api.admin.staff.list.query(), 'staff');
  const toggle = useAdminAction();
  const [created, setCreated] = useState<{ email: string; temporaryPassword: string } | null>(null);

  const setActive = async (staffId: string, active: boolean) => {
    const done = await toggle.run(() =>
      active
        ? api.admin.staff.reactivate.mutate({ staffId })
        : api.admin.staff.deactivate.mutate({ staffId }),
    );
    if (done) list.reload();
  };

  return (
    <section aria-labelledby="staff-heading">
      <h2 id="staff-heading">{t('admin.section.staff')}</h2>
      <div aria-live="polite">
        {created && (
          <div className="notice ok">
            <p>{t('admin.staff.created', { email: created.email })}</p>
            <p className="secret">{created.temporaryPassword}</p>
            <p>{t('admin.staff.passwordOnce')}</p>
          </div>
        )}
      </div>
      <ActionErrors action={toggle} />
      {list.data && (
        <AdminTable label={t('admin.section.staff')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.field.email')}</th>
              <th scope="col">{t('admin.staff.memberships')}</th>
              <th scope="col">{t('admin.staff.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.name}
                  {s.isAdmin && <span className="muted"> ({t('admin.staff.admin')})</span>}
                </td>
                <td>{s.email}</td>
                <td>
                  {s.memberships
                    .map(
                      (m) =>
                        `${m.department}${m.access === 'department_head' ? ` (${t('admin.staff.head')})` : ''}${m.roles.length ? `: ${m.roles.join(', ')}` : ''}`,
                    )
                    .join('; ') || '—'}
                </td>
                <td>{s.active ? t('admin.staff.active') : t('admin.staff.inactive')}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={toggle.busy}
                    onClick={() => void setActive(s.id, !s.active)}
                  >
                    {s.active ? t('admin.staff.deactivate') : t('admin.staff.reactivate')}
                    <span className="visually-hidden"> {s.email}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </AdminTable>
      )}
      <StaffInviteForm
        isAdmin={isAdmin}
        departments={departments}
        onCreated={(result) => {
          setCreated(result);
          list.reload();
        }}
      />
    </section>
  );
}
