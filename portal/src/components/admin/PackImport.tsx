/** Upload a department pack: check it (every problem with its path), then import it in one go. */
import { useState } from 'react';
import { api } from '../../api/client.js';
import { useAdminAction } from '../../hooks/use-admin-action.js';
import { useAdminPackFile } from '../../hooks/use-admin-pack-file.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { ActionErrors } from './ActionErrors.js';
import { ProblemList } from './ProblemList.js';

type Result = Awaited<ReturnType<typeof api.admin.packs.import.mutate>>;

export function PackImport() {
  const { t } = useI18n();
  const { file, choose } = useAdminPackFile();
  const action = useAdminAction();
  const [result, setResult] = useState<{ kind: 'check' | 'import'; result: Result } | null>(null);

  const send = async (kind: 'check' | 'import') => {
    if (!file) return;
    setResult(null);
    const input = { yaml: file.text, fileName: file.name };
    const answer = await action.run(() =>
      kind === 'check' ? api.admin.packs.validate.mutate(input) : api.admin.packs.import.mutate(input),
    );
    if (answer) setResult({ kind, result: answer });
  };

  return (
    <section className="card" aria-labelledby="pack-import-heading">
      <h3 id="pack-import-heading">{t('admin.packs.import')}</h3>
      <p className="hint">{t('admin.packs.importHint')}</p>
      <div className="field">
        <label htmlFor="pack-file">{t('admin.packs.file')}</label>
        <input
          id="pack-file"
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          onChange={(e) => {
            setResult(null);
            void choose(e.target.files?.[0]);
          }}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={!file || action.busy}
          onClick={() => void send('check')}
        >
          {t('admin.packs.check')}
        </button>
        <button type="button" disabled={!file || action.busy} onClick={() => void send('import')}>
          {t('admin.packs.importButton')}
        </button>
      </div>
      <ActionErrors action={action} />
      <div aria-live="polite">
        {result && !result.result.ok && <ProblemList problems={result.result.problems} />}
        {result?.result.ok && result.kind === 'check' && (
          <p className="notice ok">{t('admin.packs.valid')}</p>
        )}
        {result?.result.ok && result.kind === 'import' && (
          <div className="notice ok">
            <p>{t('admin.packs.imported')}</p>
            <ul>
              {result.result.departments.map((d) => (
                <li key={d.department}>
                  <strong>{d.department}</strong>:{' '}
                  {d.changes.length ? d.changes.join(', ') : t('admin.packs.unchanged')}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
