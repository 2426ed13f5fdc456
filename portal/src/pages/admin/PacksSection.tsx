/** Department packs: export a department to one YAML file; import one into this running city. */
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { ActionErrors } from '../../components/admin/ActionErrors.js';
import { PackImport } from '../../components/admin/PackImport.js';
import { useAdminAction } from '../../hooks/use-admin-action.js';
import { useAdminDepartments } from '../../hooks/use-admin-departments.js';
import { useI18n } from '../../i18n/use-i18n.js';

export function PacksSection() {
  const { t } = useI18n();
  const { departments } = useAdminDepartments(true, []);
  const [chosen, setDepartment] = useState('');
  const department = chosen || departments[0]?.code || '';
  const action = useAdminAction();
  const [exported, setExported] = useState<{ fileName: string; yaml: string; url: string } | null>(null);
  useEffect(
    () => () => {
      if (exported) URL.revokeObjectURL(exported.url);
    },
    [exported],
  );

  const exportPack = async () => {
    const pack = await action.run(() => api.admin.packs.export.query({ department }));
    if (pack)
      setExported({ ...pack, url: URL.createObjectURL(new Blob([pack.yaml], { type: 'application/yaml' })) });
  };

  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('admin.section.packs')}</h2>
      <p className="lead">{t('admin.packs.lead')}</p>
      <section className="card" aria-labelledby="pack-export-heading">
        <h3 id="pack-export-heading">{t('admin.packs.export')}</h3>
        <div className="admin-inline">
          <div className="field inline">
            <label htmlFor="pack-department">{t('admin.field.department')}</label>
            <select id="pack-department" value={department} onChange={(e) => setDepartment(e.target.value)}>
              {departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="secondary"
            disabled={!department || action.busy}
            onClick={() => void exportPack()}
          >
            {t('admin.packs.exportButton')}
          </button>
        </div>
        <ActionErrors action={action} />
        {exported && (
          <>
            <p>
              <a href={exported.url} download={exported.fileName}>
                {t('admin.packs.download', { file: exported.fileName })}
              </a>
            </p>
            <pre aria-label={t('admin.packs.preview')}>{exported.yaml}</pre>
          </>
        )}
      </section>
      <PackImport />
    </section>
  );
}
