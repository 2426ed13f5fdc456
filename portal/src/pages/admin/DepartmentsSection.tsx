/** Departments: the list with their roles, staff and services; create one; rename one. */
import { AdminTable } from '../../components/admin/AdminTable.js';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { ActionErrors } from '../../components/admin/ActionErrors.js';
import { TextField } from '../../components/report/TextField.js';
import { useAdminAction } from '../../hooks/use-admin-action.js';
import { useAsync } from '../../hooks/use-async.js';
import { useI18n } from '../../i18n/use-i18n.js';

export function DepartmentsSection() {
  const { t } = useI18n();
  const list = useAsync(() => api.admin.departments.list.query(), 'departments');
  const create = useAdminAction();
  const rename = useAdminAction();
  const [draft, setDraft] = useState({ code: '', name: '', email: '' });
  const [renaming, setRenaming] = useState({ code: '', name: '' });
  const [notice, setNotice] = useState('');

  const submitCreate = async (event: FormEvent) => {
    event.preventDefault();
    const created = await create.run(() =>
      api.admin.departments.create.mutate({
        code: draft.code,
        name: draft.name,
        ...(draft.email ? { email: draft.email } : {}),
      }),
    );
    if (!created) return;
    setNotice(t('admin.departments.created', { name: created.name }));
    setDraft({ code: '', name: '', email: '' });
    list.reload();
  };
  const submitRename = async (event: FormEvent) => {
    event.preventDefault();
    const renamed = await rename.run(() => api.admin.departments.rename.mutate(renaming));
    if (!renamed) return;
    setNotice(t('admin.departments.renamed', { name: renamed.name }));
    list.reload();
  };

  return (
    <section aria-labelledby="departments-heading">
      <h2 id="departments-heading">{t('admin.section.departments')}</h2>
      <div aria-live="polite">{notice && <p className="notice ok">{notice}</p>}</div>
      {list.data && (
        <AdminTable label={t('admin.section.departments')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.field.code')}</th>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.field.email')}</th>
              <th scope="col">{t('admin.departments.roles')}</th>
              <th scope="col">{t('admin.departments.staff')}</th>
              <th scope="col">{t('admin.departments.services')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((d) => (
              <tr key={d.code}>
                <td>
                  <code>{d.code}</code>
                </td>
                <td>{d.name}</td>
                <td>{d.email ?? '—'}</td>
                <td>{d.roles.map((r) => r.name).join(', ') || '—'}</td>
                <td>{d.staffCount}</td>
                <td>{d.serviceCount}</td>
              </tr>
            ))}
          </tbody>
        </AdminTable>
      )}
      <form className="card" onSubmit={(e) => void submitCreate(e)} aria-labelledby="dept-create-heading">
        <h3 id="dept-create-heading">{t('admin.departments.create')}</h3>
        <div className="admin-row">
          <TextField
            field="department.code"
            label={t('admin.field.code')}
            hint={t('admin.departments.codeHint')}
            value={draft.code}
            onChange={(code) => setDraft({ ...draft, code })}
            messages={create.messagesFor('code')}
            required
          />
          <TextField
            field="department.name"
            label={t('admin.field.name')}
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
            messages={create.messagesFor('name')}
            required
          />
          <TextField
            field="department.email"
            label={t('admin.field.email')}
            type="email"
            value={draft.email}
            onChange={(email) => setDraft({ ...draft, email })}
            messages={create.messagesFor('email')}
          />
        </div>
        <ActionErrors action={create} placed={['code', 'name', 'email']} />
        <button type="submit" disabled={create.busy}>
          {t('admin.departments.createButton')}
        </button>
      </form>
      {list.data && list.data.length > 0 && (
        <form className="card" onSubmit={(e) => void submitRename(e)} aria-labelledby="dept-rename-heading">
          <h3 id="dept-rename-heading">{t('admin.departments.rename')}</h3>
          <div className="admin-row">
            <div className="field">
              <label htmlFor="rename-code">{t('admin.field.department')}</label>
              <select
                id="rename-code"
                value={renaming.code}
                onChange={(e) =>
                  setRenaming({
                    code: e.target.value,
                    name: list.data?.find((d) => d.code === e.target.value)?.name ?? '',
                  })
                }
              >
                <option value="">{t('report.choose')}</option>
                {list.data.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              field="rename.name"
              label={t('admin.departments.newName')}
              value={renaming.name}
              onChange={(name) => setRenaming({ ...renaming, name })}
              messages={rename.messagesFor('name')}
              required
            />
          </div>
          <ActionErrors action={rename} placed={['name']} />
          <button type="submit" disabled={rename.busy || !renaming.code}>
            {t('admin.departments.renameButton')}
          </button>
        </form>
      )}
    </section>
  );
}
