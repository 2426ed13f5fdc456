/** Invite a person: name, work email, one department with access and roles; admins may make an admin. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useAdminAction } from '../../hooks/use-admin-action.js';
import { useAdminDepartments } from '../../hooks/use-admin-departments.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { TextField } from '../report/TextField.js';
import { ActionErrors } from './ActionErrors.js';

interface Props {
  isAdmin: boolean;
  departments: { code: string; name: string }[];
  onCreated(result: { email: string; temporaryPassword: string }): void;
}

const empty = {
  email: '',
  name: '',
  isAdmin: false,
  department: '',
  access: 'staff' as 'staff' | 'department_head',
  roles: [] as string[],
};

export function StaffInviteForm({ isAdmin, departments: managed, onCreated }: Props) {
  const { t } = useI18n();
  const { departments } = useAdminDepartments(isAdmin, managed);
  const action = useAdminAction();
  const [draft, setDraft] = useState({ ...empty, department: isAdmin ? '' : (managed[0]?.code ?? '') });
  const roles = departments.find((d) => d.code === draft.department)?.roles ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await action.run(() =>
      api.admin.staff.create.mutate({
        email: draft.email,
        name: draft.name,
        isAdmin: draft.isAdmin,
        memberships: draft.department
          ? [{ department: draft.department, access: draft.access, roles: draft.roles }]
          : [],
      }),
    );
    if (!created) return;
    setDraft({ ...empty, department: draft.department });
    onCreated(created);
  };
  const toggleRole = (code: string, on: boolean) =>
    setDraft({ ...draft, roles: on ? [...draft.roles, code] : draft.roles.filter((r) => r !== code) });

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('admin.staff.invite')}</h3>
      <div className="admin-row">
        <TextField
          field="staff.name"
          label={t('admin.field.name')}
          value={draft.name}
          onChange={(name) => setDraft({ ...draft, name })}
          messages={action.messagesFor('name')}
          required
        />
        <TextField
          field="staff.email"
          label={t('admin.field.email')}
          type="email"
          value={draft.email}
          onChange={(email) => setDraft({ ...draft, email })}
          messages={action.messagesFor('email')}
          required
        />
      </div>
      <div className="admin-row">
        <div className="field">
          <label htmlFor="invite-department">{t('admin.field.department')}</label>
          <select
            id="invite-department"
            value={draft.department}
            onChange={(e) => setDraft({ ...draft, department: e.target.value, roles: [] })}
          >
            {isAdmin && <option value="">{t('admin.staff.noDepartment')}</option>}
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
          {action.messagesFor('memberships[0].department').map((m) => (
            <p key={m} className="field-error">
              {m}
            </p>
          ))}
        </div>
        <div className="field">
          <label htmlFor="invite-access">{t('admin.staff.access')}</label>
          <select
            id="invite-access"
            value={draft.access}
            onChange={(e) => setDraft({ ...draft, access: e.target.value as typeof draft.access })}
          >
            <option value="staff">{t('admin.staff.accessStaff')}</option>
            <option value="department_head">{t('admin.staff.accessHead')}</option>
          </select>
        </div>
      </div>
      {roles.length > 0 && (
        <fieldset className="field">
          <legend>{t('admin.staff.roles')}</legend>
          <div className="checks">
            {roles.map((r) => (
              <label key={r.code} className="choice">
                <input
                  type="checkbox"
                  checked={draft.roles.includes(r.code)}
                  onChange={(e) => toggleRole(r.code, e.target.checked)}
                />{' '}
                {r.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {isAdmin && (
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.isAdmin}
            onChange={(e) => setDraft({ ...draft, isAdmin: e.target.checked })}
          />{' '}
          {t('admin.staff.makeAdmin')}
        </label>
      )}
      <ActionErrors action={action} placed={['name', 'email', 'memberships[0].department']} />
      <button type="submit" disabled={action.busy}>
        {t('admin.staff.inviteButton')}
      </button>
    </form>
  );
}
