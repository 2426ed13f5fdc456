/** A department's roles: add or rename one (same code renames), delete one nobody holds. */
import { AdminTable } from '../../components/admin/AdminTable.js';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { ActionErrors } from '../../components/admin/ActionErrors.js';
import { TextField } from '../../components/report/TextField.js';
import { useAdminAction } from '../../hooks/use-admin-action.js';
import { useAdminDepartments } from '../../hooks/use-admin-departments.js';
import { useI18n } from '../../i18n/use-i18n.js';
import type { SectionProps } from './AdminSectionView.js';

export function RolesSection({ isAdmin, departments: managed }: SectionProps) {
  const { t } = useI18n();
  const list = useAdminDepartments(isAdmin, managed);
  const departments = list.departments;
  const [chosen, setDepartment] = useState('');
  const department = chosen || departments[0]?.code || '';
  const roles = departments.find((d) => d.code === department)?.roles ?? [];
  const save = useAdminAction();
  const remove = useAdminAction();
  const [draft, setDraft] = useState({ code: '', name: '' });
  const [notice, setNotice] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() => api.admin.roles.save.mutate({ department, ...draft }));
    if (!saved) return;
    setNotice(t('admin.roles.saved', { name: saved.name }));
    setDraft({ code: '', name: '' });
    list.reload();
  };
  const drop = async (code: string) => {
    if (await remove.run(() => api.admin.roles.delete.mutate({ department, code }))) {
      setNotice(t('admin.roles.deleted', { code }));
      list.reload();
    }
  };

  return (
    <section aria-labelledby="roles-heading">
      <h2 id="roles-heading">{t('admin.section.roles')}</h2>
      <div className="field inline">
        <label htmlFor="roles-department">{t('admin.field.department')}</label>
        <select id="roles-department" value={department} onChange={(e) => setDepartment(e.target.value)}>
          {departments.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite">{notice && <p className="notice ok">{notice}</p>}</div>
      <ActionErrors action={remove} />
      <AdminTable label={t('admin.section.roles')}>
        <thead>
          <tr>
            <th scope="col">{t('admin.field.code')}</th>
            <th scope="col">{t('admin.field.name')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {roles.map((r) => (
            <tr key={r.code}>
              <td>
                <code>{r.code}</code>
              </td>
              <td>{r.name}</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void drop(r.code)}
                  disabled={remove.busy}
                >
                  {t('admin.roles.delete')}
                  <span className="visually-hidden"> {r.name}</span>
                </button>
              </td>
            </tr>
          ))}
          {roles.length === 0 && (
            <tr>
              <td colSpan={3}>{t('admin.roles.none')}</td>
            </tr>
          )}
        </tbody>
      </AdminTable>
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="role-form-heading">
        <h3 id="role-form-heading">{t('admin.roles.add')}</h3>
        <p className="hint">{t('admin.roles.hint')}</p>
        <div className="admin-row">
          <TextField
            field="role.code"
            label={t('admin.field.code')}
            value={draft.code}
            onChange={(code) => setDraft({ ...draft, code })}
            messages={save.messagesFor('code')}
            required
          />
          <TextField
            field="role.name"
            label={t('admin.field.name')}
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
            messages={save.messagesFor('name')}
            required
          />
        </div>
        <ActionErrors action={save} placed={['code', 'name']} />
        <button type="submit" disabled={save.busy || !department}>
          {t('admin.roles.save')}
        </button>
      </form>
    </section>
  );
}
