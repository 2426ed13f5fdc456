/** Districts, wards and service areas: the list, remove one, add or replace one from GeoJSON. */
import { AdminTable } from './AdminTable.js';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useAdminAction } from '../../hooks/use-admin-action.js';
import { useI18n } from '../../i18n/use-i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { TextField } from '../report/TextField.js';
import { ActionErrors } from './ActionErrors.js';
import { parseGeoJson } from './settings-draft.js';

type Kind = 'district' | 'ward' | 'service_area';
const kinds: Kind[] = ['district', 'ward', 'service_area'];

export function AreasEditor({
  areas,
  onChanged,
}: {
  areas: { kind: string; code: string; name: string }[];
  onChanged(): void;
}) {
  const { t } = useI18n();
  const save = useAdminAction();
  const remove = useAdminAction();
  const [draft, setDraft] = useState({ kind: 'district' as Kind, code: '', name: '', geometry: '' });
  const [jsonError, setJsonError] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const geometry = parseGeoJson(draft.geometry);
    setJsonError(!geometry.ok || geometry.value === null);
    if (!geometry.ok || geometry.value === null) return;
    const saved = await save.run(() =>
      api.admin.jurisdiction.saveArea.mutate({
        kind: draft.kind,
        code: draft.code,
        name: draft.name,
        geometry: geometry.value as never,
      }),
    );
    if (!saved) return;
    setDraft({ ...draft, code: '', name: '', geometry: '' });
    onChanged();
  };
  const drop = async (kind: Kind, code: string) => {
    if (await remove.run(() => api.admin.jurisdiction.deleteArea.mutate({ kind, code }))) onChanged();
  };
  const geometryMessages = [
    ...(jsonError ? [t('admin.settings.notJson')] : []),
    ...save.fieldErrors.filter((e) => e.field.startsWith('geometry')).map((e) => e.message),
  ];

  return (
    <section className="card" aria-labelledby="areas-heading">
      <h3 id="areas-heading">{t('admin.areas.heading')}</h3>
      <ActionErrors action={remove} />
      <AdminTable label={t('admin.areas.heading')}>
        <thead>
          <tr>
            <th scope="col">{t('admin.areas.kind')}</th>
            <th scope="col">{t('admin.field.code')}</th>
            <th scope="col">{t('admin.field.name')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr key={`${a.kind}/${a.code}`}>
              <td>{t(`admin.areas.kind.${a.kind}` as MessageKey)}</td>
              <td>
                <code>{a.code}</code>
              </td>
              <td>{a.name}</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  disabled={remove.busy}
                  onClick={() => void drop(a.kind as Kind, a.code)}
                >
                  {t('admin.areas.remove')}
                  <span className="visually-hidden"> {a.name}</span>
                </button>
              </td>
            </tr>
          ))}
          {areas.length === 0 && (
            <tr>
              <td colSpan={4}>{t('admin.areas.none')}</td>
            </tr>
          )}
        </tbody>
      </AdminTable>
      <form onSubmit={(e) => void submit(e)} aria-labelledby="area-form-heading">
        <h4 id="area-form-heading">{t('admin.areas.add')}</h4>
        <div className="admin-row">
          <div className="field">
            <label htmlFor="area-kind">{t('admin.areas.kind')}</label>
            <select
              id="area-kind"
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.target.value as Kind })}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.areas.kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            field="area.code"
            label={t('admin.field.code')}
            value={draft.code}
            onChange={(code) => setDraft({ ...draft, code })}
            messages={save.messagesFor('code')}
            required
          />
          <TextField
            field="area.name"
            label={t('admin.field.name')}
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
            messages={save.messagesFor('name')}
            required
          />
        </div>
        <TextField
          field="area.geometry"
          label={t('admin.areas.geometry')}
          hint={t('admin.areas.geometryHint')}
          multiline
          value={draft.geometry}
          onChange={(geometry) => setDraft({ ...draft, geometry })}
          messages={geometryMessages}
          required
        />
        <ActionErrors
          action={save}
          placed={save.fieldErrors
            .map((e) => e.field)
            .filter((f) => ['code', 'name'].includes(f) || f.startsWith('geometry'))}
        />
        <button type="submit" disabled={save.busy}>
          {t('admin.areas.save')}
        </button>
      </form>
    </section>
  );
}
