/** Create or edit one service of the catalogue; the server's messages appear beside each field. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useAdminAction } from '../../hooks/use-admin-action.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { TextField } from '../report/TextField.js';
import { ActionErrors } from './ActionErrors.js';
import { AttributeEditor } from './AttributeEditor.js';
import { fromAttributeDrafts, type AttributeDraft } from './attribute-draft.js';

export interface ServiceDraft {
  service_code: string;
  service_name: string;
  description: string;
  group: string;
  keywords: string;
  department: string;
  expected_sla: string;
  service_notice: string;
  attributes: AttributeDraft[];
}

interface Props {
  initial: ServiceDraft;
  isNew: boolean;
  departments: { code: string; name: string }[];
  onSaved(name: string): void;
}

const placed = [
  'service_code',
  'service_name',
  'description',
  'group',
  'department',
  'expected_sla',
  'service_notice',
];

export function ServiceEditor({ initial, isNew, departments, onSaved }: Props) {
  const { t } = useI18n();
  const action = useAdminAction();
  const [draft, setDraft] = useState(initial);
  const heading = useRef<HTMLHeadingElement>(null);
  // Editing starts from a button in the list far above: bring the form into view and focus.
  useEffect(() => {
    if (!isNew) heading.current?.focus();
  }, [isNew]);
  const set = (patch: Partial<ServiceDraft>) => setDraft({ ...draft, ...patch });
  const attributePaths = draft.attributes.flatMap((_, i) =>
    ['code', 'description', 'values'].map((f) => `attributes[${i}].${f}`),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await action.run(() =>
      api.admin.services.save.mutate({
        service_code: draft.service_code.trim(),
        service_name: draft.service_name.trim(),
        description: draft.description,
        group: draft.group,
        keywords: draft.keywords
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
        department: draft.department,
        ...(draft.expected_sla.trim() ? { expected_sla: draft.expected_sla.trim() } : {}),
        ...(draft.service_notice.trim() ? { service_notice: draft.service_notice.trim() } : {}),
        attributes: fromAttributeDrafts(draft.attributes),
      }),
    );
    if (saved) onSaved(saved.service_name);
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="service-form-heading">
      <h3 id="service-form-heading" ref={heading} tabIndex={-1}>
        {isNew ? t('admin.services.new') : t('admin.services.edit', { code: draft.service_code })}
      </h3>
      <div className="admin-row">
        {isNew && (
          <TextField
            field="service_code"
            label={t('admin.field.code')}
            hint={t('admin.services.codeHint')}
            value={draft.service_code}
            onChange={(service_code) => set({ service_code })}
            messages={action.messagesFor('service_code')}
            required
          />
        )}
        <TextField
          field="service_name"
          label={t('admin.field.name')}
          value={draft.service_name}
          onChange={(service_name) => set({ service_name })}
          messages={action.messagesFor('service_name')}
          required
        />
        <div className="field">
          <label htmlFor="service-department">{t('admin.field.department')}</label>
          <select
            id="service-department"
            value={draft.department}
            onChange={(e) => set({ department: e.target.value })}
          >
            <option value="">{t('report.choose')}</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
          {action.messagesFor('department').map((m) => (
            <p key={m} className="field-error">
              {m}
            </p>
          ))}
        </div>
      </div>
      <TextField
        field="description"
        label={t('admin.services.description')}
        multiline
        value={draft.description}
        onChange={(description) => set({ description })}
        messages={action.messagesFor('description')}
      />
      <div className="admin-row">
        <TextField
          field="group"
          label={t('admin.services.group')}
          value={draft.group}
          onChange={(group) => set({ group })}
          messages={action.messagesFor('group')}
        />
        <TextField
          field="keywords"
          label={t('admin.services.keywords')}
          hint={t('admin.services.keywordsHint')}
          value={draft.keywords}
          onChange={(keywords) => set({ keywords })}
          messages={action.messagesFor('keywords')}
        />
        <TextField
          field="expected_sla"
          label={t('admin.services.sla')}
          hint={t('admin.services.slaHint')}
          value={draft.expected_sla}
          onChange={(expected_sla) => set({ expected_sla })}
          messages={action.messagesFor('expected_sla')}
        />
      </div>
      <TextField
        field="service_notice"
        label={t('admin.services.notice')}
        value={draft.service_notice}
        onChange={(service_notice) => set({ service_notice })}
        messages={action.messagesFor('service_notice')}
      />
      <AttributeEditor
        attributes={draft.attributes}
        onChange={(attributes) => set({ attributes })}
        messagesFor={action.messagesFor}
      />
      <ActionErrors action={action} placed={[...placed, ...attributePaths]} />
      <button type="submit" disabled={action.busy}>
        {t('admin.services.save')}
      </button>
    </form>
  );
}
