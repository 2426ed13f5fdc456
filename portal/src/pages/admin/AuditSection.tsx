/** The audit log: who did what and when, newest first, filtered by actor, action and subject, in pages. */
import { AdminTable } from '../../components/admin/AdminTable.js';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { TextField } from '../../components/report/TextField.js';
import { useAsync } from '../../hooks/use-async.js';
import { useI18n } from '../../i18n/use-i18n.js';

const noFilters = { actor: '', action: '', subjectType: '', subjectId: '' };

export function AuditSection() {
  const { t, formatDate } = useI18n();
  const [draft, setDraft] = useState(noFilters);
  const [filters, setFilters] = useState(noFilters);
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim()));
  const page = useAsync(
    () => api.admin.audit.list.query({ ...query, limit: 25, ...(cursor ? { cursor } : {}) }),
    JSON.stringify([filters, cursor]),
  );

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setCursors([]);
    setFilters(draft);
  };

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('admin.section.audit')}</h2>
      <form className="card" onSubmit={apply} aria-label={t('admin.audit.filters')}>
        <div className="admin-row">
          <TextField
            field="audit.actor"
            label={t('admin.audit.actor')}
            hint={t('admin.audit.actorHint')}
            value={draft.actor}
            onChange={(actor) => setDraft({ ...draft, actor })}
            messages={undefined}
          />
          <TextField
            field="audit.action"
            label={t('admin.audit.action')}
            hint={t('admin.audit.actionHint')}
            value={draft.action}
            onChange={(action) => setDraft({ ...draft, action })}
            messages={undefined}
          />
          <TextField
            field="audit.subjectType"
            label={t('admin.audit.subjectType')}
            value={draft.subjectType}
            onChange={(subjectType) => setDraft({ ...draft, subjectType })}
            messages={undefined}
          />
          <TextField
            field="audit.subjectId"
            label={t('admin.audit.subjectId')}
            value={draft.subjectId}
            onChange={(subjectId) => setDraft({ ...draft, subjectId })}
            messages={undefined}
          />
        </div>
        <button type="submit">{t('admin.audit.apply')}</button>
      </form>
      {page.loading && <p>{t('common.loading')}</p>}
      {page.data && (
        <AdminTable label={t('admin.section.audit')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.when')}</th>
              <th scope="col">{t('admin.audit.actor')}</th>
              <th scope="col">{t('admin.audit.action')}</th>
              <th scope="col">{t('admin.audit.subject')}</th>
              <th scope="col">{t('admin.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.entries.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{formatDate(e.at)}</td>
                <td>{e.actor}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.subjectType}
                  {e.subjectId ? ` ${e.subjectId}` : ''}
                </td>
                <td className="muted details">{e.data ? JSON.stringify(e.data).slice(0, 200) : ''}</td>
              </tr>
            ))}
            {page.data.entries.length === 0 && (
              <tr>
                <td colSpan={5}>{t('admin.audit.none')}</td>
              </tr>
            )}
          </tbody>
        </AdminTable>
      )}
      <div className="actions">
        {cursors.length > 0 && (
          <button type="button" className="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('admin.audit.newer')}
          </button>
        )}
        {page.data?.nextCursor && (
          <button
            type="button"
            className="secondary"
            onClick={() => setCursors([...cursors, page.data!.nextCursor!])}
          >
            {t('admin.audit.older')}
          </button>
        )}
      </div>
    </section>
  );
}
