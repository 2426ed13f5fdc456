/** Jurisdiction settings: name, time zone, business calendar, boundary, and the districts and wards. */
import { useState } from 'react';
import { api } from '../../api/client.js';
import { AreasEditor } from '../../components/admin/AreasEditor.js';
import { SettingsForm } from '../../components/admin/SettingsForm.js';
import { toSettingsDraft } from '../../components/admin/settings-draft.js';
import { useAsync } from '../../hooks/use-async.js';
import { useI18n } from '../../i18n/use-i18n.js';

export function JurisdictionSection() {
  const { t } = useI18n();
  const [round, setRound] = useState(0);
  const settings = useAsync(() => api.admin.jurisdiction.get.query(), `settings-${round}`);
  const [notice, setNotice] = useState('');
  return (
    <section aria-labelledby="jurisdiction-heading">
      <h2 id="jurisdiction-heading">{t('admin.section.jurisdiction')}</h2>
      <div aria-live="polite">{notice && <p className="notice ok">{notice}</p>}</div>
      {settings.data && (
        <>
          <p className="lead">{t('admin.settings.lead', { id: settings.data.id })}</p>
          <SettingsForm
            key={`form-${round}`}
            initial={toSettingsDraft(settings.data)}
            onSaved={() => {
              setNotice(t('admin.settings.saved'));
              setRound((r) => r + 1);
            }}
          />
          <AreasEditor areas={settings.data.areas} onChanged={() => setRound((r) => r + 1)} />
        </>
      )}
    </section>
  );
}
