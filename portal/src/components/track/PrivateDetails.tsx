/** The contact details the resident gave; the API sends them only with the request's token. */
import { useI18n } from '../../i18n/use-i18n.js';

export interface PrivateFields {
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
}

export function PrivateDetails({ details }: { details: PrivateFields }) {
  const { t } = useI18n();
  const name = [details.first_name, details.last_name].filter(Boolean).join(' ');
  const rows = [
    [t('report.first_name.label'), name],
    [t('report.email.label'), details.email],
    [t('report.phone.label'), details.phone],
  ].filter((r): r is [string, string] => !!r[1]);
  return (
    <section aria-labelledby="private-heading" className="card">
      <h2 id="private-heading">{t('track.private')}</h2>
      {rows.length === 0 ? (
        <p>{t('track.private.none')}</p>
      ) : (
        <dl className="facts">
          {rows.map(([label, value]) => (
            <div key={label} className="fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
